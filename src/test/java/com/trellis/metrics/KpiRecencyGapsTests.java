package com.trellis.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept pauses between a partner's activity events ({@code partner_activity_gap},
 * V203) equal a recomputation from the events after every step of a fixed-seed random
 * sequence: events inserted (one to three in a statement, some at equal moments, before,
 * between and after a partner's others, over a year and a half), deleted (several in a
 * statement), moved in time and moved to another partner, and partners' lifecycle and
 * onboarding day changed; and the program's active partner rate read through them
 * ({@link KpiSql#activePartners}) equals the statement it replaces (each partner's events
 * probed: {@link KpiRecencySql#recency} with an {@code EXISTS}) at as-of moments on event
 * moments, UTC day edges and between them, over the whole span. Rolled back: other tests
 * read the demo's events.
 */
@TrellisTest
class KpiRecencyGapsTests {

	private static final long SEED = 20261203L;

	private static final int STEPS = 120;

	private static final List<String> STATUSES = List.of("PROSPECT", "ONBOARDING", "ACTIVE", "DORMANT", "SUNSET");

	/** The pauses longer than 28 days, recomputed from every event. */
	private static final String RECOMPUTED = """
			SELECT x.partner_id, COALESCE(x.prev, '-infinity') AS prev_at, x.at AS next_at
			FROM (SELECT e.partner_id, e.occurred_at AS at,
			             lag(e.occurred_at) OVER (PARTITION BY e.partner_id ORDER BY e.occurred_at) AS prev
			      FROM activity_event e) x
			WHERE x.prev IS NULL OR x.at - x.prev > INTERVAL '28 days'
			ORDER BY 1, 3""";

	private static final String FORMER = KpiRecencySql.recency("A", "activity_at", ":asOfMinus30", """
			EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
			        AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf)""");

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
	void theKeptPausesAndTheRateReadFromThemEqualARecomputationAfterEveryRandomChange() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertPausesEqualRecomputation("demo");
			var random = new Random(SEED);
			var pam = this.fixtures.user(Role.PAM);
			var partners = new ArrayList<Long>();
			for (int i = 0; i < 4; i++) {
				partners.add(this.fixtures.partner("Recency Gap Partner " + i, pam.userId()));
			}
			var moments = new ArrayList<Instant>();
			for (int step = 0; step < STEPS; step++) {
				var what = change(random, partners, moments);
				assertPausesEqualRecomputation("step " + step + " (" + what + ")");
				if (step % 15 == 14) {
					assertRateEqualsFormer(random, moments, "step " + step);
				}
			}
			status.setRollbackOnly();
		});
	}

	private String change(Random random, List<Long> partners, List<Instant> moments) {
		long partner = partners.get(random.nextInt(partners.size()));
		var now = this.clock.instant();
		switch (random.nextInt(10)) {
			case 0, 1, 2, 3 -> {
				int n = 1 + random.nextInt(3);
				for (int i = 0; i < n; i++) {
					// over 540 days back, some after now; every fourth at a moment taken
					// before (equal moments)
					var at = !moments.isEmpty() && random.nextInt(4) == 0 ? moments.get(random.nextInt(moments.size()))
							: now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 540)))
								.plus(Duration.ofMinutes(random.nextInt(10) == 0 ? random.nextInt(60 * 24 * 40) : 0));
					moments.add(at);
				}
				var values = new StringBuilder();
				for (int i = 0; i < n; i++) {
					values.append(i == 0 ? "" : ", ").append("(:p, 'PORTAL_LOGIN', :at").append(i).append(")");
				}
				var insert = this.jdbc
					.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES " + values)
					.param("p", partner);
				for (int i = 0; i < n; i++) {
					insert = insert.param("at" + i, Timestamp.from(moments.get(moments.size() - n + i)));
				}
				insert.update();
				return n + " inserted";
			}
			case 4, 5 -> {
				int removed = this.jdbc.sql("""
						DELETE FROM activity_event WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
						ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT :n)""")
					.param("p", partner)
					.param("salt", String.valueOf(random.nextInt()))
					.param("n", 1 + random.nextInt(3))
					.update();
				return removed + " deleted";
			}
			case 6 -> {
				int moved = this.jdbc.sql("""
						UPDATE activity_event SET occurred_at = occurred_at + make_interval(days => :days)
						WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("salt", String.valueOf(random.nextInt()))
					.param("days", random.nextInt(120) - 60)
					.update();
				return moved + " moved in time";
			}
			case 7 -> {
				long other = partners.get(random.nextInt(partners.size()));
				int moved = this.jdbc.sql("""
						UPDATE activity_event SET partner_id = :other
						WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("other", other)
					.param("salt", String.valueOf(random.nextInt()))
					.update();
				return moved + " moved to partner " + other;
			}
			case 8 -> {
				this.jdbc.sql("UPDATE partner SET lifecycle_status = :s WHERE id = :p")
					.param("s", STATUSES.get(random.nextInt(STATUSES.size())))
					.param("p", partner)
					.update();
				return "status changed";
			}
			default -> {
				this.jdbc.sql("UPDATE partner SET onboarded_on = :d WHERE id = :p")
					.param("d", LocalDate.now(this.clock).minusDays(random.nextInt(500) - 20))
					.param("p", partner)
					.update();
				return "onboarding moved";
			}
		}
	}

	private void assertPausesEqualRecomputation(String when) {
		var kept = this.jdbc.sql("SELECT partner_id, prev_at, next_at FROM partner_activity_gap ORDER BY 1, 3")
			.query()
			.listOfRows();
		assertThat(kept).as(when).isEqualTo(this.jdbc.sql(RECOMPUTED).query().listOfRows());
	}

	private void assertRateEqualsFormer(Random random, List<Instant> moments, String when) {
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var asOfs = new ArrayList<Instant>(List.of(now, now.plus(Duration.ofDays(3))));
		for (int i = 0; i < 8; i++) {
			asOfs.add(moments.get(random.nextInt(moments.size())));
			var day = LocalDate.now(this.clock).minusDays(random.nextInt(560));
			asOfs.add(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			asOfs.add(day.atStartOfDay(zone).toInstant());
			asOfs.add(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 560))));
		}
		for (var asOf : asOfs) {
			var former = rate(FORMER, asOf);
			assertThat(rate(KpiSql.activePartners(Slice.PROGRAM), asOf)).as(when + " as of " + asOf).isEqualTo(former);
		}
		// the trend's statement: every as-of moment at once
		RecencyWindowsCheck.assertWindowsEqualEachPeriod(this.jdbc, RecencyTrend.ACTIVE, asOfs, zone, when);
	}

	private List<Object> rate(String sql, Instant asOf) {
		var zone = this.calendar.zone();
		return new ArrayList<>(this.jdbc.sql(sql)
			.param("asOf", Timestamp.from(asOf))
			.param("asOfMinus30", Timestamp.from(asOf.atZone(zone).minusDays(30).toInstant()))
			.param("asOfDate", Date.valueOf(LocalDate.ofInstant(asOf, zone)))
			.query()
			.singleRow()
			.values());
	}

}
