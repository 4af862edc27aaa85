package com.trellis.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CountingWins;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): the onboarding day kept beside each partner's first
 * counted win ({@code partner_first_win_fact.onboarded_on}, V244) and the first wins
 * themselves equal a recomputation from {@code opportunity} and {@code partner} after
 * every step of a random sequence: won deals inserted (one to three in a statement), open
 * deals won, won deals reopened or lost, close moments moved, deals moved to another
 * partner, amounts changed (some below the counting minimum), deals deleted, partners'
 * onboarding days changed one or several in one statement (some to none), partners
 * renamed (nothing to write), partners added and deleted; and the program's time to first
 * revenue read from the kept days ({@link KpiSql#firstRevenue}) equals the former
 * statement (the first wins joined with {@code partner}) over several periods. Rolled
 * back.
 */
@TrellisTest
class FirstWinOnboardedPropertyTests {

	private static final long SEED = 20261205L;

	private static final int STEPS = 120;

	private static final String FORMER = """
			SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on)
			FROM partner_first_win_fact f JOIN partner p ON p.id = f.partner_id
			WHERE p.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to AND TRUE
			""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	CountingWins counting;

	@Autowired
	com.trellis.shared.validation.ValueLimits limits;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeptOnboardingDaysAndTheMedianReadFromThemEqualARecomputationAfterEveryRandomChange() {
		RandomProgram.run(this.transactions, this.jdbc, this.fixtures, this.clock, SEED, "First Win", 5, STEPS,
				FirstWinOnboardedPropertyTests::change, this::assertKeptEqualsRecomputation, 10,
				this::assertMedianEqualsFormer);
	}

	private static Instant moment(RandomProgram program) {
		return program.clock.instant().minus(Duration.ofMinutes(program.random.nextInt(60 * 24 * 400)));
	}

	static String change(RandomProgram program) {
		var random = program.random;
		var jdbc = program.jdbc;
		var partners = program.partners;
		long partner = program.partner();
		var salt = program.salt();
		switch (random.nextInt(12)) {
			case 0, 1 -> {
				int n = 1 + random.nextInt(3);
				var moments = new ArrayList<Instant>();
				var amounts = new ArrayList<Integer>();
				for (int i = 0; i < n; i++) {
					moments.add(moment(program));
					amounts.add(random.nextInt(5) == 0 ? 0 : 100 + random.nextInt(5000));
				}
				WonDealRows.insert(jdbc, "First win deal", program.account, program.ae, partner,
						LocalDate.now(program.clock), moments, amounts);
				return n + " inserted won";
			}
			case 2 -> {
				return program.winOpen(partner, moment(program), salt);
			}
			case 3 -> {
				int changed = jdbc.sql("""
						UPDATE opportunity SET stage = CASE WHEN :lost THEN 'CLOSED_LOST' ELSE 'QUALIFIED' END,
						       closed_at = CASE WHEN :lost THEN closed_at END
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND stage = 'CLOSED_WON'
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("lost", random.nextBoolean())
					.param("p", partner)
					.param("salt", salt)
					.update();
				return changed + " reopened or lost";
			}
			case 4 -> {
				int moved = jdbc.sql("""
						UPDATE opportunity SET closed_at = closed_at + make_interval(days => :days),
						       amount = CASE WHEN :zero THEN 0 ELSE amount + 1 END
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND closed_at IS NOT NULL
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("days", random.nextInt(200) - 100)
					.param("zero", random.nextInt(4) == 0)
					.param("salt", salt)
					.update();
				return moved + " moved in time or amount";
			}
			case 5 -> {
				return program.moveDeals(partner, program.partner(), salt);
			}
			case 6 -> {
				return program.deleteDeals(partner, salt);
			}
			case 7, 8 -> {
				// one partner or several in one statement, some to no onboarding day
				var some = new ArrayList<Long>();
				for (var p : partners) {
					if (p == partner || random.nextInt(3) == 0) {
						some.add(p);
					}
				}
				int changed = jdbc.sql("""
						UPDATE partner SET onboarded_on = CASE WHEN CAST(:none AS BOOLEAN) THEN NULL
						       ELSE CAST(:day AS DATE) - CAST((id % 7) * CAST(:spread AS INTEGER) AS INTEGER) END
						WHERE id IN (:ids)""")
					.param("none", random.nextInt(5) == 0)
					.param("day", LocalDate.now(program.clock).minusDays(random.nextInt(500) - 20))
					.param("spread", random.nextInt(40))
					.param("ids", some)
					.update();
				return changed + " onboarding days changed";
			}
			case 9 -> {
				jdbc.sql("UPDATE partner SET name = name WHERE id = :p").param("p", partner).update();
				return "renamed to itself";
			}
			case 10 -> {
				partners.add(program.fixtures.partner("First Win Partner " + salt, program.pam));
				return "partner added";
			}
			default -> {
				// a partner without deals deleted (a partner with deals cannot be)
				var idle = partners.stream()
					.filter(p -> jdbc.sql("SELECT count(*) FROM opportunity WHERE partner_id = :p")
						.param("p", p)
						.query(Long.class)
						.single() == 0)
					.findFirst();
				if (idle.isEmpty() || partners.size() < 3) {
					return "no partner to delete";
				}
				jdbc.sql("DELETE FROM partner WHERE id = :p").param("p", idle.get()).update();
				partners.remove(idle.get());
				return "partner deleted";
			}
		}
	}

	private void assertKeptEqualsRecomputation(String when) {
		var kept = this.jdbc
			.sql("SELECT partner_id || '|' || first_win || '|' || COALESCE(CAST(onboarded_on AS TEXT), '-') "
					+ "FROM partner_first_win_fact ORDER BY partner_id")
			.query(String.class)
			.list();
		var recomputed = this.jdbc
			.sql("""
					SELECT o.partner_id || '|' || min(o.closed_at) || '|' || COALESCE(CAST(min(p.onboarded_on) AS TEXT), '-')
					FROM opportunity o JOIN partner p ON p.id = o.partner_id
					LEFT JOIN exchange_rate fx ON fx.currency = o.currency
					WHERE o.stage = 'CLOSED_WON' AND o.closed_at IS NOT NULL AND %s
					GROUP BY o.partner_id ORDER BY o.partner_id
					"""
				.formatted(this.counting.sql("o.amount", "fx.to_reporting")))
			.query(String.class)
			.list();
		assertThat(kept).as(when).isEqualTo(recomputed);
	}

	private void assertMedianEqualsFormer(RandomProgram program, String when) {
		var random = program.random;
		var today = LocalDate.now(this.clock);
		for (int i = 0; i < 6; i++) {
			var from = today.minusDays(random.nextInt(420));
			var until = from.plusDays(1 + random.nextInt(200));
			var period = Period.chosen(from, until.minusDays(1), this.calendar, this.limits)
				.at(this.clock.instant(), this.calendar.zone());
			var former = median(FORMER, period);
			assertThat(median(KpiSql.firstRevenue(Slice.PROGRAM), period)).as(when + " over " + from + ".." + until)
				.isEqualTo(former);
		}
	}

	private Object median(String sql, Period period) {
		return KpiStatements.bind(this.jdbc.sql(sql), period, Slice.PROGRAM)
			.query((rs, n) -> rs.getObject(1))
			.list()
			.get(0);
	}

}
