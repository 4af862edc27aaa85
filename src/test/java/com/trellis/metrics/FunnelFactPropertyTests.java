package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage funnel's kept counts ({@code metrics_funnel_fact}, V181) equal a recount of
 * the kept first entries per day and month of entry after every step of a fixed-seed
 * random sequence: registrations, stage moves, closes and reopens through the deals
 * facade ({@link RandomDealChanges}), then stage changes inserted (one to three in a
 * statement, before, between and after a deal's others), deleted and moved in time
 * (several in a statement), and partners put on, moved between and taken off deals
 * (several deals in one statement); the funnel read from them equals the funnel read from
 * the period's entries for the program, a PAM's book and a vertical over a quarter, a
 * month, 40 days and one day; the rebuild writes the same counts; with the facts
 * suspended (a bulk load) nothing is counted until the rebuild. Rolled back: other tests
 * read the demo's history.
 */
@TrellisTest
class FunnelFactPropertyTests {

	private static final long SEED = 20261203L;

	private static final int STEPS = 90;

	private static final List<String> STAGES = List.of("REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT",
			"CLOSED_WON", "CLOSED_LOST");

	/**
	 * The kept counts per key, slots summed (a slot alone may count below zero: a deal's
	 * entries counted by one writer and taken away by another).
	 */
	private static final String KEPT = """
			SELECT month, day, rank, involved, advanced, stay_day, sum(entries) AS entries
			FROM metrics_funnel_fact GROUP BY month, day, rank, involved, advanced, stay_day HAVING sum(entries) <> 0""";

	/** The same counted again from the kept first entries. */
	private static final String RECOUNTED = """
			WITH d AS (
			  SELECT CAST(e.entered_at AT TIME ZONE s.zone AS DATE) AS day, e.rank, e.partner_id IS NOT NULL AS involved,
			         e.advanced, COALESCE(facts_cycle_day(e.entered_at, e.left_at), -1) AS stay_day
			  FROM metrics_funnel_entry e CROSS JOIN fact_setting s)
			SELECT FALSE AS month, day, rank, involved, advanced, stay_day, CAST(count(*) AS NUMERIC) AS entries
			FROM d GROUP BY day, rank, involved, advanced, stay_day
			UNION ALL
			SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), rank, involved, advanced, stay_day,
			       count(*)
			FROM d GROUP BY 2, rank, involved, advanced, stay_day""";

	@Autowired
	FunnelRepository funnel;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeptCountsEqualARecountAfterEveryRandomChange() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertCountsEqualRecount("demo");
			new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc).run(SEED,
					40);
			assertCountsEqualRecount("after the deal changes through the facade");
			var random = new Random(SEED);
			var deals = this.jdbc.sql("SELECT id FROM opportunity ORDER BY id DESC LIMIT 60").query(Long.class).list();
			var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 6").query(Long.class).list();
			for (int step = 0; step < STEPS; step++) {
				change(random, deals, partners, step);
				if (step % 10 == 9) {
					assertCountsEqualRecount("step " + step);
					assertFunnelsEqual("step " + step);
				}
			}
			this.jdbc.sql("SELECT metrics_funnel_fact_rebuild()").query().singleRow();
			assertCountsEqualRecount("after the rebuild");
			assertFunnelsEqual("after the rebuild");
			// a bulk load: nothing counted while the facts are suspended, all after the
			// rebuild
			var setting = this.jdbc.sql("SELECT zone, first_win_rule FROM fact_setting").query().singleRow();
			long before = this.jdbc.sql("SELECT sum(entries) FROM metrics_funnel_fact").query(Long.class).single();
			this.jdbc.sql("DELETE FROM fact_setting").update();
			change(random, deals, partners, 0);
			assertThat(this.jdbc.sql("SELECT sum(entries) FROM metrics_funnel_fact").query(Long.class).single())
				.isEqualTo(before);
			this.jdbc.sql("INSERT INTO fact_setting (zone, first_win_rule) VALUES (:zone, :rule)")
				.param("zone", setting.get("zone"))
				.param("rule", setting.get("first_win_rule"))
				.update();
			this.jdbc.sql("SELECT metrics_funnel_fact_rebuild()").query().singleRow();
			assertCountsEqualRecount("after a suspended change and the rebuild");
			status.setRollbackOnly();
		});
	}

	/** One random change of the histories or of the deals' partners. */
	private void change(Random random, List<Long> deals, List<Long> partners, int step) {
		var now = this.clock.instant();
		switch (random.nextInt(5)) {
			case 0, 1 -> {
				// one to three changes of random deals, anywhere in the last 200 days
				int n = 1 + random.nextInt(3);
				for (int i = 0; i < n; i++) {
					this.jdbc.sql("""
							INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
							VALUES (:deal, NULL, :stage, :at)""")
						.param("deal", deals.get(random.nextInt(deals.size())))
						.param("stage", STAGES.get(random.nextInt(STAGES.size())))
						.param("at", Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(200 * 24 * 60)))))
						.update();
				}
			}
			case 2 -> this.jdbc.sql("""
					DELETE FROM opportunity_stage_change WHERE id IN (
					  SELECT id FROM opportunity_stage_change WHERE opportunity_id = ANY (:deals)
					  ORDER BY md5(id || ':' || :salt) LIMIT :n)""")
				.param("deals", deals.toArray(Long[]::new))
				.param("salt", step)
				.param("n", 1 + random.nextInt(3))
				.update();
			case 3 -> this.jdbc.sql("""
					UPDATE opportunity_stage_change SET changed_at = changed_at - :hours * interval '1 hour'
					WHERE id IN (SELECT id FROM opportunity_stage_change WHERE opportunity_id = ANY (:deals)
					             ORDER BY md5(id || ':' || :salt) LIMIT :n)""")
				.param("hours", random.nextInt(400) - 100)
				.param("deals", deals.toArray(Long[]::new))
				.param("salt", step)
				.param("n", 1 + random.nextInt(6))
				.update();
			default -> {
				// several deals' partners in one statement: put on, moved, taken off
				var chosen = new ArrayList<Long>();
				var to = new ArrayList<Long>();
				for (int i = 0; i < 1 + random.nextInt(8); i++) {
					chosen.add(deals.get(random.nextInt(deals.size())));
					to.add(random.nextInt(3) == 0 ? null : partners.get(random.nextInt(partners.size())));
				}
				this.jdbc
					.sql("""
							UPDATE opportunity o SET partner_id = m.partner_id,
							       credit_type = CASE WHEN m.partner_id IS NULL THEN NULL ELSE COALESCE(o.credit_type, 'INFLUENCED') END,
							       source = CASE WHEN m.partner_id IS NULL THEN 'DIRECT' ELSE o.source END
							FROM (SELECT DISTINCT ON (d) d, p AS partner_id FROM unnest(CAST(:deals AS BIGINT[]), CAST(:partners AS BIGINT[])) AS u (d, p)) m
							WHERE o.id = m.d""")
					.param("deals", chosen.toArray(Long[]::new))
					.param("partners", to.toArray(Long[]::new))
					.update();
			}
		}
	}

	private void assertCountsEqualRecount(String when) {
		com.trellis.support.KeptRows.assertEqualRecount(this.jdbc, KEPT, RECOUNTED, when);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM metrics_funnel_fact WHERE entries = 0").query(Long.class).single())
			.as(when + ": rows counting nothing")
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM metrics_funnel_fact").query(Long.class).single()).as(when)
			.isPositive();
	}

	/**
	 * The funnel from the kept counts equals the funnel from the period's entries
	 * ({@link FunnelRepository#FUNNEL}) for the program, a PAM's book and a vertical.
	 */
	private void assertFunnelsEqual(String when) {
		var zone = this.calendar.zone();
		var today = this.calendar.today();
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner ORDER BY id LIMIT 1").query(Long.class).single();
		var slices = List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pam)),
				new Slice(Slice.Kind.VERTICAL, "Retail"));
		var periods = List.of(Period.quarter(this.calendar.currentQuarter()),
				Period.quarter(this.calendar.currentQuarter().previous()), Period.month(today.minusMonths(2)),
				Period.until(today.minusDays(50), today.minusDays(10)),
				Period.until(today.minusDays(3), today.minusDays(2)));
		int reached = 0;
		for (var period : periods) {
			var at = period.at(this.clock.instant(), zone);
			for (var slice : slices) {
				var fromEntries = this.funnel.read(FunnelRepository.FUNNEL.formatted(FunnelRepository.values(),
						FunnelRepository.partnerSide(slice)), at, slice);
				assertThat(this.funnel.funnel(at, slice)).as("%s: %s, %s", when, slice, period).isEqualTo(fromEntries);
				reached += (int) fromEntries.stream()
					.mapToLong(s -> s.partner().reached() + s.direct().reached())
					.sum();
			}
		}
		assertThat(reached).as(when).isPositive();
	}

}
