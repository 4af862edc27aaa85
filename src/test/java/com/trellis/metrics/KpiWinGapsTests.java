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

	private static final List<String> STATUSES = List.of("PROSPECT", "ONBOARDING", "ACTIVE", "DORMANT", "SUNSET");

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
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertPausesEqualRecomputation("demo");
			var random = new Random(SEED);
			var pam = this.fixtures.user(Role.PAM);
			var ae = this.fixtures.user(Role.AE);
			long account = this.fixtures.account("Win Gap Customer", null, ae.userId());
			var partners = new ArrayList<Long>();
			for (int i = 0; i < 4; i++) {
				partners.add(this.fixtures.partner("Win Gap Partner " + i, pam.userId()));
			}
			var moments = new ArrayList<Instant>();
			for (int step = 0; step < STEPS; step++) {
				var what = change(random, partners, moments, account, ae.userId());
				assertPausesEqualRecomputation("step " + step + " (" + what + ")");
				if (step % 15 == 14) {
					assertActivatedEqualsFormer(random, moments, "step " + step);
				}
			}
			status.setRollbackOnly();
		});
	}

	private Instant moment(Random random, List<Instant> moments) {
		// over 540 days back, some after now; every fourth a close moment taken before
		var at = !moments.isEmpty() && random.nextInt(4) == 0 ? moments.get(random.nextInt(moments.size()))
				: this.clock.instant()
					.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 540)))
					.plus(Duration.ofMinutes(random.nextInt(10) == 0 ? random.nextInt(60 * 24 * 40) : 0));
		moments.add(at);
		return at;
	}

	private String change(Random random, List<Long> partners, List<Instant> moments, long account, long owner) {
		long partner = partners.get(random.nextInt(partners.size()));
		var salt = String.valueOf(random.nextInt());
		switch (random.nextInt(12)) {
			case 0, 1, 2 -> {
				int n = 1 + random.nextInt(3);
				var at = new ArrayList<Instant>();
				for (int i = 0; i < n; i++) {
					at.add(moment(random, moments));
				}
				WonDealRows.insert(this.jdbc, "Win gap deal", account, owner, partner, LocalDate.now(this.clock), at,
						java.util.Collections.nCopies(n, 1000));
				return n + " inserted won";
			}
			case 3 -> {
				this.fixtures.partnerDeal(account, owner, partner, "5000.00");
				int won = this.jdbc.sql("""
						UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = :at
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND stage <> 'CLOSED_WON'
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("at", Timestamp.from(moment(random, moments)))
					.param("salt", salt)
					.update();
				return won + " won";
			}
			case 4 -> {
				// reopened (close moment kept or cleared) or lost
				var stage = OPEN.get(random.nextInt(OPEN.size()));
				int reopened = this.jdbc.sql("""
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
				int moved = this.jdbc.sql("""
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
				Long other = random.nextInt(4) == 0 ? null : partners.get(random.nextInt(partners.size()));
				int moved = this.jdbc.sql("""
						UPDATE opportunity SET partner_id = CAST(:other AS BIGINT),
						       credit_type = CASE WHEN CAST(:other AS BIGINT) IS NULL THEN NULL ELSE credit_type END,
						       source = CASE WHEN CAST(:other AS BIGINT) IS NULL THEN 'DIRECT' ELSE source END
						WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p
						             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
					.param("p", partner)
					.param("other", other)
					.param("salt", salt)
					.update();
				return moved + " moved to partner " + other;
			}
			case 7 -> {
				int changed = this.jdbc.sql("""
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
				int removed = this.jdbc.sql("""
						DELETE FROM opportunity WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p
						ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT :n)""")
					.param("p", partner)
					.param("salt", salt)
					.param("n", 1 + random.nextInt(3))
					.update();
				return removed + " deleted";
			}
			case 10 -> {
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
		var kept = this.jdbc.sql("SELECT partner_id, prev_at, next_at FROM partner_win_gap ORDER BY 1, 3")
			.query()
			.listOfRows();
		assertThat(kept).as(when).isEqualTo(this.jdbc.sql(RECOMPUTED).query().listOfRows());
	}

	private void assertActivatedEqualsFormer(Random random, List<Instant> moments, String when) {
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
