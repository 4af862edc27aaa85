package com.trellis.roi;

import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AE pull-through and reinvest by velocity on a fixture: two reps ask one partner for
 * help three times and one rep attaches it to a deal; a PAM's request is not a rep's.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class PullThroughTests {

	private static final Instant IN_QUARTER = Instant.parse("2026-10-20T10:00:00Z");

	@Autowired
	Roi roi;

	@Autowired
	ProgramSpend programSpend;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pullThroughCountsRepsInvitationsAndTheDistinctRepsBehindThem() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Pulled partner " + System.nanoTime());
		var secondRep = this.fixtures.user(Role.AE);
		request(world, world.ae().userId());
		request(world, world.ae().userId());
		request(world, secondRep.userId());
		request(world, world.pam().userId());
		this.jdbc
			.sql("""
					INSERT INTO deal_partner_attachment (opportunity_id, partner_id, attached_by, attached_at, via, credit_type)
					VALUES (:deal, :partner, :rep, :at, 'REP', 'CO_SELL')
					ON CONFLICT (opportunity_id) DO UPDATE SET attached_by = :rep, attached_at = :at, via = 'REP'
					""")
			.param("deal", world.dealId())
			.param("partner", world.partnerId())
			.param("rep", secondRep.userId())
			.param("at", Timestamp.from(IN_QUARTER))
			.update();

		var pulled = this.roi.pullThrough(admin, "2026-Q4")
			.stream()
			.filter(p -> p.partnerId() == world.partnerId())
			.findFirst()
			.orElseThrow();
		assertThat(pulled.cosellRequests()).isEqualTo(3);
		assertThat(pulled.attachments()).isEqualTo(1);
		assertThat(pulled.invitations()).isEqualTo(4);
		assertThat(pulled.distinctReps()).isEqualTo(2);
		assertThat(this.roi.pullThrough(world.pam(), "2026-Q4")).extracting(PullThrough::partnerId)
			.containsExactly(world.partnerId());
	}

	@Test
	void reinvestListsOnlyLongTailPartnersWithWhatToShift() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Velocity partner " + System.nanoTime());
		this.jdbc.sql("UPDATE partner SET tier = 'TIER_1_INVEST' WHERE id = :id")
			.param("id", world.partnerId())
			.update();
		var tail = this.fixtures.world("Long-tail partner " + System.nanoTime());
		score(tail.partnerId(), "2026-09-14", "40.0");
		score(tail.partnerId(), "2026-11-16", "52.0");
		this.programSpend.add(admin, new SpendCommand(tail.partnerId(), java.time.LocalDate.of(2026, 10, 1),
				new java.math.BigDecimal("4000.00"), "USD", "Roadshow"));

		var list = this.roi.reinvest(tail.pam(), "2026-Q4");
		assertThat(list).extracting(Reinvestment::partnerId).containsExactly(tail.partnerId());
		var row = list.get(0);
		assertThat(row.momentum()).isEqualByComparingTo("12.0");
		assertThat(row.shift()).isEqualTo("SHIFT_TO");
		assertThat(this.roi.reinvest(admin, "2026-Q4")).extracting(Reinvestment::partnerId)
			.doesNotContain(world.partnerId());
	}

	private void request(Fixtures.World world, long by) {
		long deal = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		long partner = world.partnerId();
		this.jdbc
			.sql("""
					INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask, status)
					VALUES (:deal, 'Fixture deal', :partner, :by, :at, 'Help', 'OPEN')
					""")
			.param("deal", deal)
			.param("partner", partner)
			.param("by", by)
			.param("at", Timestamp.from(IN_QUARTER))
			.update();
	}

	private void score(long partner, String week, String score) {
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, CAST(:week AS DATE), 'W', CAST(:week AS DATE), 'BEHAVIOUR', :score, :at)
				""")
			.param("partner", partner)
			.param("week", week)
			.param("score", new java.math.BigDecimal(score))
			.param("at", Timestamp.from(IN_QUARTER))
			.update();
	}

}
