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
 * The kept pauses between a partner's won deals ({@code partner_win_gap}, V204) equal a
 * recomputation from the deals after every step of a fixed-seed random sequence: deals
 * inserted won (one to three in a statement, some at equal close moments, over a year and
 * a half, some after now), open deals won, won deals reopened or lost, close moments
 * moved, deals moved to another partner or to none, credit and amount changed, deals
 * deleted (several in a statement), and partners' lifecycle and onboarding day changed;
 * and the program's activated partners read through them ({@link KpiSql#activated}) equal
 * the statement they replace (each partner's won deals probed:
 * {@link KpiRecencySql#recency} with an {@code EXISTS}) at as-of moments on close
 * moments, UTC and business-zone midnights and between them. Rolled back.
 */
@TrellisTest
class KpiWinGapsTests {

	private static final long SEED = 20261204L;

	private static final int STEPS = 150;

	private static final List<String> OPEN = List.of("REGISTERED", "QUALIFIED", "COMMIT", "CLOSED_LOST");

	/** The pauses longer than 88 days, recomputed from every won deal. */
	private static final String RECOMPUTED = """
			SELECT x.partner_id, COALESCE(x.prev, '-infinity') AS prev_at, x.at AS next_at
			FROM (SELECT o.partner_id, o.closed_at AS at,
			             lag(o.closed_at) OVER (PARTITION BY o.partner_id ORDER BY o.closed_at) AS prev
			      FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
			        AND o.closed_at IS NOT NULL) x
			WHERE x.prev IS NULL OR x.at - x.prev > INTERVAL '88 days'
			ORDER BY 1, 3""";

	private static final String FORMER = KpiRecencySql.recency("W", "win_at", ":asOfMinus90", """
			EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
			        AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf)""");

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
	void theKeptPausesAndTheActivatedPartnersReadFromThemEqualARecomputationAfterEveryRandomChange() {
		RandomProgram.run(this.transactions, this.jdbc, this.fixtures, this.clock, SEED, "Win Gap", 4, STEPS,
				KpiWinGapsTests::change, this::assertPausesEqualRecomputation, 15, this::assertActivatedEqualsFormer);
	}

	static String change(RandomProgram program) {
		var random = program.random;
		var jdbc = program.jdbc;
		long partner = program.partner();
		var salt = program.salt();
		switch (random.nextInt(12)) {
			case 0, 1, 2 -> {
				return program.insertWon(partner, "Win gap deal");
			}
			case 3 -> {
				return program.winOpen(partner, program.moment(), salt);
			}
			case 4 -> {
				// reopened (close moment kept or cleared) or lost
				var stage = OPEN.get(random.nextInt(OPEN.size()));
				int reopened = jdbc.sql("""
						UPDATE opportunity SET stage = :s, closed_at = CASE WHEN :keep THEN closed_at END
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND stage = 'CLOSED_WON'
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("s", stage)
					.param("keep", random.nextBoolean())
					.param("p", partner)
					.param("salt", salt)
					.update();
				return reopened + " to " + stage;
			}
			case 5 -> {
				int moved = jdbc.sql("""
						UPDATE opportunity SET closed_at = closed_at + make_interval(days => :days)
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND closed_at IS NOT NULL
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("days", random.nextInt(240) - 120)
					.param("salt", salt)
					.update();
				return moved + " moved in time";
			}
			case 6 -> {
				Long other = random.nextInt(4) == 0 ? null : program.partner();
				return program.moveDeals(partner, other, salt);
			}
			case 7 -> {
				int changed = jdbc.sql("""
						UPDATE opportunity SET credit_type = :c, amount = amount + :a
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 3)""")
					.param("c", List.of("SOURCED", "INFLUENCED", "CO_SELL").get(random.nextInt(3)))
					.param("a", random.nextInt(1000))
					.param("p", partner)
					.param("salt", salt)
					.update();
				return changed + " credit and amount changed";
			}
			case 8, 9 -> {
				return program.deleteDeals(partner, salt);
			}
			case 10 -> {
				return program.status(partner);
			}
			default -> {
				return program.onboarding(partner);
			}
		}
	}

	private void assertPausesEqualRecomputation(String when) {
		var kept = this.jdbc.sql("SELECT partner_id, prev_at, next_at FROM partner_win_gap ORDER BY 1, 3")
			.query()
			.listOfRows();
		assertThat(kept).as(when).isEqualTo(this.jdbc.sql(RECOMPUTED).query().listOfRows());
	}

	private void assertActivatedEqualsFormer(RandomProgram program, String when) {
		var random = program.random;
		var moments = program.moments;
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var asOfs = new ArrayList<Instant>(List.of(now, now.plus(Duration.ofDays(3))));
		for (int i = 0; i < 8; i++) {
			asOfs.add(moments.get(random.nextInt(moments.size())));
			asOfs.add(moments.get(random.nextInt(moments.size())).plus(Duration.ofDays(90)));
			var day = LocalDate.now(this.clock).minusDays(random.nextInt(560));
			asOfs.add(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			asOfs.add(day.atStartOfDay(zone).toInstant());
			asOfs.add(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 560))));
		}
		for (var asOf : asOfs) {
			var former = activated(FORMER, asOf);
			assertThat(activated(KpiSql.activated(Slice.PROGRAM), asOf)).as(when + " as of " + asOf).isEqualTo(former);
		}
		// the trend's statement: every as-of moment at once
		RecencyWindowsCheck.assertWindowsEqualEachPeriod(this.jdbc, RecencyTrend.ACTIVATED, asOfs, zone, when);
	}

	private List<Object> activated(String sql, Instant asOf) {
		var zone = this.calendar.zone();
		return new ArrayList<>(this.jdbc.sql(sql)
			.param("asOf", Timestamp.from(asOf))
			.param("asOfMinus90", Timestamp.from(asOf.atZone(zone).minusDays(90).toInstant()))
			.param("asOfDate", Date.valueOf(LocalDate.ofInstant(asOf, zone)))
			.query()
			.singleRow()
			.values());
	}

}
