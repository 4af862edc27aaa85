package com.trellis.tiers;

import java.math.BigDecimal;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.partners.Tier;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tier change's reason (the scores that reached a tier, stored by the weekly job) and
 * the tier card's gap read in each reader's notation, on the page and in the API; the
 * JVM's default locale (German here) decides nothing.
 */
@TrellisTest
class TierFiguresReadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TierMoves moves;

	@Autowired
	TierStore store;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	PartnerTiers tiers;

	@Autowired
	AuditLog audit;

	@RegisterExtension
	static final Readers.GermanJvm jvm = new Readers.GermanJvm();

	@Test
	void aTierChangesScoresReadInEachReadersNotation() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long partner = this.fixtures.partner("Notation Tier Partners", admin.userId());
		var scores = new BigDecimal[] { new BigDecimal("95.5"), new BigDecimal("96.5"), new BigDecimal("97.5") };
		var qualified = TierRule.qualify(scores[0], scores[1], scores[2], this.store.thresholds());
		var today = this.calendar.today();
		this.moves.move(partner, Tier.TIER_3_BASELINE, qualified.tier(), today, "SCORES", scores,
				"held it (FY-test: " + qualified.reason() + ")", AuditLog.Actor.SYSTEM, "Your scores held it.");

		var api = new Api(this.mvc, this.fixtures.token(admin));
		var session = readers().signIn(admin);
		String english = "readiness 95.5, behaviour 96.5, trust 97.5 reach";
		api.get("/api/v1/partners/" + partner + "/tier/history")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(english)));
		readers().page(session, "/partners/" + partner + "/tier", english);
		readers().page(session, "/tiers", english);

		readers().german(admin);
		String german = "readiness 95,5, behaviour 96,5, trust 97,5 reach";
		api.get("/api/v1/partners/" + partner + "/tier/history")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(german)));
		api.get("/api/v1/tiers/changes?size=200")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(german)));
		readers().page(session, "/partners/" + partner + "/tier", german);
		readers().page(session, "/tiers", german);
	}

	/**
	 * low31: the partner's audit entry of a tier move held the reason's raw parts
	 * ("readiness {number:95.5}…"); an override's reason holding a part read as a figure
	 * in the tier history.
	 */
	@Test
	void aTierMovesAuditEntryIsReadableAndAnOverridesReasonReadsAsWritten() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long partner = this.fixtures.partner("Audited Tier Partners", admin.userId());
		var scores = new BigDecimal[] { new BigDecimal("95.5"), new BigDecimal("96.5"), new BigDecimal("97.5") };
		var qualified = TierRule.qualify(scores[0], scores[1], scores[2], this.store.thresholds());
		this.moves.move(partner, Tier.TIER_3_BASELINE, qualified.tier(), this.calendar.today(), "SCORES", scores,
				"held it (FY-test: " + qualified.reason() + ")", AuditLog.Actor.SYSTEM, "Your scores held it.");
		this.tiers.override(admin, partner, new OverrideCommand(Tier.TIER_3_BASELINE, "Board said {percent:5} {",
				this.calendar.today().plusDays(30)));

		var actions = this.audit.history("partner", partner).stream().map(AuditLog.Entry::action).toList();
		assertThat(actions).anySatisfy(a -> assertThat(a).contains("readiness 95.5, behaviour 96.5, trust 97.5 reach"))
			.anySatisfy(a -> assertThat(a).endsWith(": Board said {percent:5} {"))
			.noneSatisfy(a -> assertThat(a).contains("{number:"));
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/partners/" + partner + "/tier/history")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(": Board said {percent:5} {")));
		readers().page(readers().signIn(admin), "/partners/" + partner + "/tier", ": Board said {percent:5} {");
	}

	@Test
	void theTierCardsGapReadsInEachReadersNotation() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long partner = this.fixtures.partner("Notation Gap Partners", admin.userId());
		var week = this.jdbc.sql("SELECT max(week_start) FROM partner_score_week")
			.query(java.time.LocalDate.class)
			.optional()
			.orElse(java.time.LocalDate.of(2026, 11, 30));
		for (var pillar : new String[] { "READINESS", "BEHAVIOUR", "TRUST" }) {
			this.jdbc
				.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
						VALUES (:partner, :week, 'FY-test', :week, :pillar, 1.5, now())
						""")
				.param("partner", partner)
				.param("week", week)
				.param("pillar", pillar)
				.update();
		}
		var api = new Api(this.mvc, this.fixtures.token(admin));
		var session = readers().signIn(admin);
		api.get("/api/v1/partners/" + partner + "/tier")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(1.5 of")));
		readers().page(session, "/partners/" + partner + "/tier", "(1.5 of");
		readers().german(admin);
		api.get("/api/v1/partners/" + partner + "/tier")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(1,5 of")));
		readers().page(session, "/partners/" + partner + "/tier", "(1,5 of");
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
