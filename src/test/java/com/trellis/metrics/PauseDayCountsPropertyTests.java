package com.trellis.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.facts.DealFacts;
import com.trellis.identity.Role;
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
 * Property-style (fixed seed, {@link RandomProgram}, rolled back): the counted partners'
 * long pauses kept per measure, edge and UTC day ({@code partner_pause_day_fact}, V252)
 * equal a recomputation from the base tables (the pauses between each partner's won deals
 * and activity events, the partners counted by their lifecycle and onboarding day) after
 * every step of a random sequence: won deals inserted, won, reopened, moved in time or to
 * another partner or to none, deleted; events inserted, deleted, moved in time or to
 * another partner; partners' lifecycle and onboarding day changed, several in one
 * statement, partners added and deleted; and the facts rebuilt
 * ({@link DealFacts#rebuild}, whose {@code partner_recency_rebuild} truncates and refills
 * the counted partners). Every tenth step the trend of both KPIs
 * ({@link KpiRecencySql#recencyWindows}, reading the counts) equals the one-period
 * statement at as-of moments on drawn moments, UTC and business-zone midnights and
 * between them.
 */
@TrellisTest
class PauseDayCountsPropertyTests {

	private static final long SEED = 20261206L;

	private static final int STEPS = 120;

	/**
	 * The counts, recomputed: pauses of the partners counted today, from the base tables.
	 */
	private static final String RECOMPUTED = """
			WITH counted AS (SELECT id FROM partner
			                 WHERE onboarded_on IS NOT NULL AND lifecycle_status NOT IN ('PROSPECT', 'SUNSET')),
			won AS (SELECT o.partner_id, o.closed_at AS at,
			               lag(o.closed_at) OVER (PARTITION BY o.partner_id ORDER BY o.closed_at) AS prev
			        FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
			          AND o.closed_at IS NOT NULL),
			acted AS (SELECT e.partner_id, e.occurred_at AS at,
			                 lag(e.occurred_at) OVER (PARTITION BY e.partner_id ORDER BY e.occurred_at) AS prev
			          FROM activity_event e),
			pauses AS (SELECT 'W' AS measure, partner_id, COALESCE(prev, '-infinity') AS prev_at, at AS next_at FROM won
			           WHERE prev IS NULL OR at - prev > INTERVAL '88 days'
			           UNION ALL
			           SELECT 'A', partner_id, COALESCE(prev, '-infinity'), at FROM acted
			           WHERE prev IS NULL OR at - prev > INTERVAL '28 days')
			SELECT x.measure || '|' || v.edge || '|' || v.day || '|' || count(*)
			FROM pauses x JOIN counted c ON c.id = x.partner_id
			CROSS JOIN LATERAL (VALUES ('S', facts_utc_day(x.prev_at)), ('E', facts_utc_day(x.next_at))) AS v(edge, day)
			GROUP BY x.measure, v.edge, v.day ORDER BY x.measure, v.edge, v.day""";

	private static final String KEPT = """
			SELECT measure || '|' || edge || '|' || day || '|' || sum(pauses) FROM partner_pause_day_fact
			GROUP BY measure, edge, day HAVING sum(pauses) <> 0 ORDER BY measure, edge, day""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	DealFacts facts;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeptPauseDayCountsAndTheTrendsReadFromThemEqualARecomputationAfterEveryRandomChange() {
		var admin = this.fixtures.user(Role.ADMIN);
		RandomProgram.run(this.transactions, this.jdbc, this.fixtures, this.clock, SEED, "Pause Day", 5, STEPS,
				program -> change(program, admin), this::assertKeptEqualsRecomputation, 10,
				this::assertTrendsEqualEach);
	}

	private String change(RandomProgram program, com.trellis.identity.Viewer admin) {
		var random = program.random;
		long partner = program.partner();
		switch (random.nextInt(20)) {
			case 0, 1, 2 -> {
				return program.insertWon(partner, "Pause day deal");
			}
			case 3 -> {
				return program.winOpen(partner, program.moment(), program.salt());
			}
			case 4 -> {
				int reopened = program.jdbc.sql("""
						UPDATE opportunity SET stage = 'QUALIFIED', closed_at = NULL
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND stage = 'CLOSED_WON'
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("salt", program.salt())
					.update();
				return reopened + " reopened";
			}
			case 5 -> {
				int moved = program.jdbc.sql("""
						UPDATE opportunity SET closed_at = closed_at + make_interval(days => :days)
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND closed_at IS NOT NULL
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("days", random.nextInt(240) - 120)
					.param("salt", program.salt())
					.update();
				return moved + " moved in time";
			}
			case 6 -> {
				return program.moveDeals(partner, random.nextInt(4) == 0 ? null : program.partner(), program.salt());
			}
			case 7 -> {
				return program.deleteDeals(partner, program.salt());
			}
			case 8, 9, 10 -> {
				return program.insertEvents(partner);
			}
			case 11 -> {
				return program.deleteEvents(partner);
			}
			case 12 -> {
				return program.moveEventsInTime(partner);
			}
			case 13 -> {
				return program.moveEventsToPartner(partner);
			}
			case 14 -> {
				return program.status(partner);
			}
			case 15 -> {
				return program.onboarding(partner);
			}
			case 16 -> {
				// several partners counted or not in one statement
				int changed = program.jdbc
					.sql("""
							UPDATE partner SET lifecycle_status = CASE WHEN (id + :k) % 3 = 0 THEN 'SUNSET' ELSE 'ACTIVE' END,
							       onboarded_on = CASE WHEN (id + :k) % 5 = 0 THEN NULL
							                           ELSE COALESCE(onboarded_on, CAST(:day AS DATE)) END
							WHERE id IN (:ids)""")
					.param("k", random.nextInt(15))
					.param("day", LocalDate.now(program.clock).minusDays(random.nextInt(400)))
					.param("ids", program.partners)
					.update();
				return changed + " partners counted anew in one statement";
			}
			case 17 -> {
				program.partners.add(program.fixtures.partner("Pause Day Partner " + program.salt(), program.pam));
				return "partner added";
			}
			case 18 -> {
				// a partner without deals deleted (its events with it, or refused: then
				// kept)
				var idle = program.partners.stream()
					.filter(p -> program.jdbc.sql("SELECT count(*) FROM opportunity WHERE partner_id = :p")
						.param("p", p)
						.query(Long.class)
						.single() == 0)
					.findFirst();
				if (idle.isEmpty() || program.partners.size() < 3) {
					return "no partner to delete";
				}
				program.jdbc.sql("DELETE FROM activity_event WHERE partner_id = :p").param("p", idle.get()).update();
				program.jdbc.sql("DELETE FROM partner WHERE id = :p").param("p", idle.get()).update();
				program.partners.remove(idle.get());
				return "partner deleted";
			}
			default -> {
				this.facts.rebuild(admin);
				return "facts rebuilt";
			}
		}
	}

	private void assertKeptEqualsRecomputation(String when) {
		assertThat(this.jdbc.sql(KEPT).query(String.class).list()).as(when)
			.isEqualTo(this.jdbc.sql(RECOMPUTED).query(String.class).list());
	}

	private void assertTrendsEqualEach(RandomProgram program, String when) {
		var random = program.random;
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var asOfs = new ArrayList<Instant>(List.of(now, now.plus(Duration.ofDays(3))));
		var moments = program.moments.isEmpty() ? List.of(now) : program.moments;
		for (int i = 0; i < 6; i++) {
			asOfs.add(moments.get(random.nextInt(moments.size())));
			// windows starting at a moment drawn: a pause starting at the window's start
			asOfs.add(moments.get(random.nextInt(moments.size())).atZone(zone).plusDays(90).toInstant());
			asOfs.add(moments.get(random.nextInt(moments.size())).atZone(zone).plusDays(30).toInstant());
			asOfs.add(moments.get(random.nextInt(moments.size())).plus(Duration.ofDays(89)));
			var day = LocalDate.now(this.clock).minusDays(random.nextInt(560));
			asOfs.add(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
			asOfs.add(day.atStartOfDay(zone).toInstant());
			asOfs.add(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 560))));
		}
		RecencyWindowsCheck.assertWindowsEqualEachPeriod(this.jdbc, RecencyTrend.ACTIVATED, asOfs, zone, when);
		RecencyWindowsCheck.assertWindowsEqualEachPeriod(this.jdbc, RecencyTrend.ACTIVE, asOfs, zone, when);
	}

}
