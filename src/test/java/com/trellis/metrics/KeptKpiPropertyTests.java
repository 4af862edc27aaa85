package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.facts.DealFacts;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): after 8 rounds of 40 random deal changes (registrations,
 * stage moves, closes, reopens, credit changes: {@link RandomDealChanges}) interleaved
 * with activity events (recorded, some after the as-of moment, removed), partners'
 * lifecycle status and onboarding day changed (one or several at once) and deal
 * registrations (submitted, approved, re-dated, removed), the kept facts of V129 and V130
 * equal a recomputation from the base tables, and the program's activated partners,
 * active partner rate and registration velocity read from them equal the statements they
 * replace, for periods running now, past and partial; and again after the rebuild.
 */
@TrellisTest
class KeptKpiPropertyTests {

	private static final long SEED = 20261215L;

	private static final int ROUNDS = 4;

	private static final List<String> STATUSES = List.of("PROSPECT", "ONBOARDING", "ACTIVE", "DORMANT", "SUNSET");

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void keptCountsAndTheKpisReadFromThemEqualARecomputationAfterARandomSequence() {
		var random = new Random(SEED);
		var pam = this.fixtures.user(Role.PAM);
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 4; i++) {
			partners.add(this.fixtures.partner("Kept KPI Partner " + i + " " + SEED, pam.userId()));
		}
		var done = new java.util.TreeMap<String, Integer>();
		Viewer admin = null;
		for (int round = 0; round < ROUNDS; round++) {
			var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock,
					this.jdbc);
			admin = changes.run(SEED + round, 40);
			changes.done.forEach((kind, n) -> done.merge(kind, n, Integer::sum));
			partners.addAll(this.jdbc.sql("SELECT id FROM partner WHERE name LIKE :names ORDER BY id")
				.param("names", "Random Partner _ " + (SEED + round))
				.query(Long.class)
				.list());
			for (int step = 0; step < 25; step++) {
				this.clock.advance(Duration.ofMinutes(10 + random.nextInt(60 * 12)));
				done.merge(step(random, partners, pam), 1, Integer::sum);
			}
			check("round " + round);
		}
		assertThat(done).containsKeys("close", "reopen", "activity", "activity removed", "status changed",
				"onboarding changed", "partners changed at once", "registration", "approval", "registration re-dated",
				"registration removed");
		this.facts.rebuild(admin);
		check("after the rebuild");
	}

	private void check(String when) {
		assertThat(keptRecency()).as("each onboarded partner's latest, " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(recomputedRecency());
		assertThat(keptRecencyCounts()).as("partners per day of their latest, " + when)
			.containsExactlyElementsOf(recomputedRecencyCounts());
		assertThat(keptDecisions()).as("approvals per day and decision hour, " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(recomputedDecisions());
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var quarter = this.calendar.quarterOf(today);
		var periods = List.of(Period.until(quarter.start(), quarter.end()), Period.month(today),
				Period.until(quarter.start().minusMonths(3), quarter.start()),
				Period.until(today.minusDays(40), today.minusDays(3)), Period.until(today, today.plusDays(1)),
				Period.until(today.minusDays(17), today.plusDays(30)));
		for (var chosen : periods) {
			var period = chosen.at(this.clock.instant(), this.calendar.zone());
			var label = period.from() + ".." + period.until() + " at " + period.asOf() + ", " + when;
			assertThat(row(KpiSql.activated(Slice.PROGRAM), period)).as("activated partners " + label)
				.isEqualTo(row(FORMER_ACTIVATED, period));
			assertThat(row(KpiSql.activePartners(Slice.PROGRAM), period)).as("active partner rate " + label)
				.isEqualTo(row(FORMER_ACTIVE, period));
			assertThat(row(KpiSql.registrationVelocity(Slice.PROGRAM), period)).as("registration velocity " + label)
				.isEqualTo(row(FORMER_VELOCITY, period));
		}
	}

	private String step(Random random, List<Long> partners, Viewer pam) {
		long partner = partners.get(random.nextInt(partners.size()));
		var now = this.clock.instant();
		switch (random.nextInt(12)) {
			case 0, 1, 2 -> {
				// mostly in the past 45 days, sometimes a little after now (after the
				// as-of
				// moment of a period running now)
				var at = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 45)))
					.plus(Duration.ofMinutes(random.nextInt(8) == 0 ? random.nextInt(60 * 24 * 3) : 0));
				this.jdbc
					.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (:p, 'PORTAL_LOGIN', :at)")
					.param("p", partner)
					.param("at", Timestamp.from(at))
					.update();
				return "activity";
			}
			case 3 -> {
				int removed = this.jdbc.sql("""
						DELETE FROM activity_event WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
						ORDER BY occurred_at DESC LIMIT :n)""")
					.param("p", partner)
					.param("n", 1 + random.nextInt(2))
					.update();
				return removed > 0 ? "activity removed" : "nothing";
			}
			case 4 -> {
				this.jdbc.sql("UPDATE partner SET lifecycle_status = :s WHERE id = :p")
					.param("s", STATUSES.get(random.nextInt(STATUSES.size())))
					.param("p", partner)
					.update();
				return "status changed";
			}
			case 5 -> {
				var day = random.nextInt(6) == 0 ? null
						: LocalDate.ofInstant(now, this.calendar.zone()).plusDays(random.nextInt(120) - 100);
				this.jdbc.sql("UPDATE partner SET onboarded_on = :d WHERE id = :p")
					.param("d", day == null ? null : java.sql.Date.valueOf(day), java.sql.Types.DATE)
					.param("p", partner)
					.update();
				return "onboarding changed";
			}
			case 6 -> {
				// a bulk edit of several partners
				this.jdbc
					.sql("""
							UPDATE partner SET lifecycle_status = CASE WHEN lifecycle_status = 'ACTIVE' THEN 'DORMANT' ELSE 'ACTIVE' END
							WHERE id = ANY (:ids)""")
					.param("ids", partners.stream().filter(id -> random.nextBoolean()).toArray(Long[]::new))
					.update();
				return "partners changed at once";
			}
			case 7, 8 -> {
				var submitted = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
				boolean approved = random.nextBoolean();
				this.jdbc
					.sql("""
							INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
							    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at)
							VALUES (:p, :by, 'Kept KPI customer', 'a confirmed need', 10000, 'USD', '2027-12-31', 'SOURCED', 20,
							        :status, :submitted, :approved)""")
					.param("p", partner)
					.param("by", pam.userId())
					.param("status", approved ? "APPROVED" : "PENDING")
					.param("submitted", Timestamp.from(submitted))
					.param("approved", approved ? Timestamp.from(approvedAfter(random, submitted)) : null,
							java.sql.Types.TIMESTAMP)
					.update();
				return "registration";
			}
			case 9 -> {
				var pending = this.jdbc.sql("""
						SELECT id, submitted_at FROM deal_registration WHERE customer_name = 'Kept KPI customer'
						AND approved_at IS NULL ORDER BY id LIMIT 3""")
					.query((rs, n) -> new Object[] { rs.getLong(1), rs.getTimestamp(2).toInstant() })
					.list();
				if (pending.isEmpty()) {
					return "nothing";
				}
				// one or several at once
				for (var one : random.nextBoolean() ? pending.subList(0, 1) : pending) {
					this.jdbc.sql("UPDATE deal_registration SET status = 'APPROVED', approved_at = :at WHERE id = :id")
						.param("at", Timestamp.from(approvedAfter(random, (Instant) one[1])))
						.param("id", one[0])
						.update();
				}
				return "approval";
			}
			case 10 -> {
				int moved = this.jdbc.sql("""
						UPDATE deal_registration SET submitted_at = submitted_at - make_interval(mins => :m)
						WHERE id = (SELECT id FROM deal_registration WHERE customer_name = 'Kept KPI customer'
						            ORDER BY random() LIMIT 1)""").param("m", random.nextInt(60 * 30)).update();
				return moved > 0 ? "registration re-dated" : "nothing";
			}
			default -> {
				int removed = this.jdbc.sql("""
						DELETE FROM deal_registration WHERE id = (SELECT id FROM deal_registration
						WHERE customer_name = 'Kept KPI customer' ORDER BY random() LIMIT 1)""").update();
				return removed > 0 ? "registration removed" : "nothing";
			}
		}
	}

	/**
	 * An approval few distinct hours after the submission (ties within an hour and
	 * across), sometimes days later.
	 */
	private static Instant approvedAfter(Random random, Instant submitted) {
		int hours = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(6);
		return submitted.plus(Duration.ofHours(hours)).plusSeconds(random.nextInt(4) * 900L);
	}

	private List<Object> row(String sql, Period period) {
		return KpiStatements.bind(this.jdbc.sql(sql), period, Slice.PROGRAM).query((rs, n) -> {
			var values = new ArrayList<Object>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				var value = rs.getBigDecimal(i);
				values.add(value == null ? "null" : value.stripTrailingZeros().toPlainString());
			}
			return values;
		}).single();
	}

	/** The program's activated partners before V129. */
	private static final String FORMER_ACTIVATED = """
			SELECT count(*) FILTER (WHERE p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON'
			         AND o.partner_id IS NOT NULL AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf)), count(*)
			FROM partner p WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
			""";

	/**
	 * The program's active partner rate by its definition, over the events themselves.
	 */
	private static final String FORMER_ACTIVE = """
			SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
			         AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf)), count(*)
			FROM partner p WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
			""";

	/** The program's registration velocity before V130. */
	private static final String FORMER_VELOCITY = """
			SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
			FROM deal_registration r WHERE r.approved_at >= :from AND r.approved_at < :to
			""";

	private List<String> keptRecency() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', partner_id, counted, COALESCE(CAST(onboarded_on AS TEXT), '-'),
				                 COALESCE(CAST(activity_at AS TEXT), '-'), COALESCE(CAST(win_at AS TEXT), '-'))
				FROM partner_recency ORDER BY partner_id""").query(String.class).list();
	}

	private static final String RECOMPUTED = """
			WITH r AS (
			  SELECT p.id, p.onboarded_on IS NOT NULL AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AS counted,
			         p.onboarded_on,
			         (SELECT max(e.occurred_at) FROM activity_event e WHERE e.partner_id = p.id) AS activity_at,
			         (SELECT max(o.closed_at) FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON') AS win_at
			  FROM partner p)
			""";

	private List<String> recomputedRecency() {
		return this.jdbc.sql(RECOMPUTED + """
				SELECT concat_ws('|', id, counted, COALESCE(CAST(onboarded_on AS TEXT), '-'),
				                 COALESCE(CAST(activity_at AS TEXT), '-'), COALESCE(CAST(win_at AS TEXT), '-'))
				FROM r ORDER BY id""").query(String.class).list();
	}

	private List<String> keptRecencyCounts() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', measure, day, sum(partners)) FROM partner_recency_fact
				GROUP BY measure, day HAVING sum(partners) <> 0 ORDER BY measure, day""").query(String.class).list();
	}

	private List<String> recomputedRecencyCounts() {
		return this.jdbc.sql(RECOMPUTED + """
				, m AS (SELECT 'A' AS measure, activity_at AS at FROM r WHERE counted
				        UNION ALL SELECT 'W', win_at FROM r WHERE counted)
				SELECT concat_ws('|', measure, COALESCE(CAST(timezone('UTC', at) AS DATE), DATE '-infinity'), count(*))
				FROM m GROUP BY measure, COALESCE(CAST(timezone('UTC', at) AS DATE), DATE '-infinity')
				ORDER BY measure, COALESCE(CAST(timezone('UTC', at) AS DATE), DATE '-infinity')""")
			.query(String.class)
			.list();
	}

	private List<String> keptDecisions() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', month, day, hour, sum(approved_count)) FROM registration_decision_fact
				GROUP BY month, day, hour HAVING sum(approved_count) <> 0 ORDER BY month, day, hour""")
			.query(String.class)
			.list();
	}

	private List<String> recomputedDecisions() {
		return this.jdbc
			.sql("""
					WITH a AS (
					  SELECT CAST(r.approved_at AT TIME ZONE s.zone AS DATE) AS day,
					         CAST(floor(extract(epoch FROM r.approved_at - r.submitted_at) / 3600) AS INTEGER) AS hour
					  FROM deal_registration r, fact_setting s WHERE r.approved_at IS NOT NULL),
					grains AS (
					  SELECT FALSE AS month, day, hour FROM a
					  UNION ALL
					  SELECT TRUE, make_date(CAST(extract(year FROM day) AS INT), CAST(extract(month FROM day) AS INT), 1), hour
					  FROM a)
					SELECT concat_ws('|', month, day, hour, count(*)) FROM grains
					GROUP BY month, day, hour ORDER BY month, day, hour""")
			.query(String.class)
			.list();
	}

}
