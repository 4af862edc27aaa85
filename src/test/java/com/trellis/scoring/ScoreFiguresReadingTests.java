package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The daily jobs' score texts (a drift's reason and signals, a signal's evidence) are
 * stored once and read by an en-US and a de-DE reader each in their own notation, on the
 * page, in the API and in the inbox; the JVM's default locale (German here) decides
 * nothing.
 */
@TrellisTest
class ScoreFiguresReadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerIntelligence intelligence;

	@Autowired
	IntelligenceStore store;

	@Autowired
	PlatformTransactionManager transactions;

	@RegisterExtension
	static final Readers.GermanJvm jvm = new Readers.GermanJvm();

	@Test
	void aDriftsReasonAndSignalsReadInEachReadersNotation() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Notation Drift Partners", pam.userId());
		var weeks = new java.util.ArrayList<>(this.store.latestWeeks(8));
		java.util.Collections.reverse(weeks);
		for (int i = 0; i < weeks.size(); i++) {
			store(partner, weeks.get(i), "BEHAVIOUR", 30 + 2.5 * i, "field-interactions", 5 + 2.5 * i, "read");
		}
		// not the program's first run: the PAM is told
		long other = this.fixtures.partner("Notation Steady Partners", pam.userId());
		this.jdbc.sql("""
				INSERT INTO score_drift (partner_id, pillar, state, slope, week_start, reason)
				VALUES (:p, 'READINESS', 'STEADY', 0, :week, 'steady')
				ON CONFLICT DO NOTHING
				""").param("p", other).param("week", weeks.get(weeks.size() - 1)).update();
		new TransactionTemplate(this.transactions).execute(t -> this.intelligence.raiseDrift());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND kind = 'SCORE_DRIFT'")
						.param("u", pam.userId())
						.query(Long.class)
						.single())
				.isEqualTo(1));

		read(pam, null, "building: +2.5 points a week over the last 8 weeks",
				"partner–field interactions +17.5 points");
		read(pam, "de-DE", "building: +2,5 points a week over the last 8 weeks",
				"partner–field interactions +17,5 points");
	}

	@Test
	void aSignalsEvidenceReadsInEachReadersNotation() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Notation Evidence Partners", pam.userId());
		var reading = new RecordsFixture().ask(10, 2.0).ask(20, 6.5).ask(30, 30.0).read(new CoSellResponsiveness());
		var week = this.store.latestWeeks(1).get(0);
		store(partner, week, "BEHAVIOUR", 40, "cosell-responsiveness", 12.5, reading.reason());

		var api = new Api(this.mvc, this.fixtures.token(pam));
		var session = readers().signIn(pam);
		api.get("/api/v1/partners/" + partner + "/scores")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("median 6.5 h over 3 requests")));
		readers().page(session, "/partners/" + partner + "/scorecard", "median 6.5 h over 3 requests");
		readers().german(pam);
		api.get("/api/v1/partners/" + partner + "/scores")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("median 6,5 h over 3 requests")));
		readers().page(session, "/partners/" + partner + "/scorecard", "median 6,5 h over 3 requests");
		// low31: the activity trend's definition read "(1.00 is steady" for every reader
		readers().page(session, "/partners/" + partner + "/scorecard", "(1,00 is steady");
		api.get("/api/v1/partners/" + partner + "/scores")
			.andExpect(content().string(containsString("(1,00 is steady")));
	}

	/**
	 * The drift list's line on the API, the book page and the inbox, as the reader reads
	 * it.
	 */
	private void read(Viewer pam, String locale, String reason, String signals) throws Exception {
		if (locale != null) {
			readers().german(pam);
		}
		var api = new Api(this.mvc, this.fixtures.token(pam));
		api.get("/api/v1/scores/drift")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].reason").value(reason))
			.andExpect(jsonPath("$.items[0].signals").value(signals));
		api.get("/api/v1/me/notifications").andExpect(status().isOk()).andExpect(jsonPath("$[0].body").value(reason));
		var session = readers().signIn(pam);
		readers().page(session, "/scores", reason);
		readers().page(session, "/scores", signals);
	}

	private void store(long partner, LocalDate week, String pillar, double score, String signal, double points,
			String reason) {
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, :week, 'FY-test', :week, :pillar, :score, now())
				""")
			.param("partner", partner)
			.param("week", week)
			.param("pillar", pillar)
			.param("score", BigDecimal.valueOf(score))
			.update();
		this.jdbc.sql("""
				INSERT INTO partner_signal_week (partner_id, week_start, signal, pillar, value, points, reason)
				VALUES (:partner, :week, :signal, :pillar, 1, :points, :reason)
				""")
			.param("partner", partner)
			.param("week", week)
			.param("signal", signal)
			.param("pillar", pillar)
			.param("points", BigDecimal.valueOf(points))
			.param("reason", reason)
			.update();
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
