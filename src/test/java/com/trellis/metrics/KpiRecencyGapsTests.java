package com.trellis.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

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
		RandomProgram.run(this.transactions, this.jdbc, this.fixtures, this.clock, SEED, "Recency Gap", 4, STEPS,
				KpiRecencyGapsTests::change, this::assertPausesEqualRecomputation, 15, this::assertRateEqualsFormer);
	}

	static String change(RandomProgram program) {
		long partner = program.partner();
		return switch (program.random.nextInt(10)) {
			case 0, 1, 2, 3 -> program.insertEvents(partner);
			case 4, 5 -> program.deleteEvents(partner);
			case 6 -> program.moveEventsInTime(partner);
			case 7 -> program.moveEventsToPartner(partner);
			case 8 -> program.status(partner);
			default -> program.onboarding(partner);
		};
	}

	private void assertPausesEqualRecomputation(String when) {
		var kept = this.jdbc.sql("SELECT partner_id, prev_at, next_at FROM partner_activity_gap ORDER BY 1, 3")
			.query()
			.listOfRows();
		assertThat(kept).as(when).isEqualTo(this.jdbc.sql(RECOMPUTED).query().listOfRows());
	}

	private void assertRateEqualsFormer(RandomProgram program, String when) {
		var random = program.random;
		var moments = program.moments;
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
