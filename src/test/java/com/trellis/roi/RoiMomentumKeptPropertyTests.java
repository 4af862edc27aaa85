package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.PgCopy;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the kept momentum (V288, {@code roi_momentum_week}):
 * after each of a random sequence of writes of weekly scores (rows inserted one by one
 * and several at once, with {@code ON CONFLICT DO UPDATE}, and streamed with {@code COPY}
 * after a delete, as the scoring run replaces a week; scores changed, made unknown and
 * known, rows moved to another week, partner or pillar, rows touched without a change,
 * deleted one by one, per partner and per week; weeks off the usual weekday; once the
 * table emptied) every kept row equals a recomputation from {@code partner_score_week}
 * (the momentum's text, so its scale too, and the next known week), and every few steps
 * the ROI page of the program, of a PAM's book and of one partner (20 and 2 to reinvest
 * in) equals the statement over every partner's cost and momentum from the scores
 * ({@link RoiPageSqlKept}), and the program's equals the statement it replaced
 * ({@link RoiReinvestSqlBefore}) and itself with the heads of its classes cut short (so
 * that a class is read in full), this quarter and the one before (its day before later
 * known weeks: the rows in force then). At the end the rebuild gives the same rows. All
 * in one transaction, rolled back.
 */
@TrellisTest
class RoiMomentumKeptPropertyTests {

	private static final long SEED = 20261241L;

	private static final String[] PILLARS = { "BEHAVIOUR", "BEHAVIOUR", "READINESS", "TRUST" };

	/** Each known behaviour score's row as the kept table should hold it. */
	private static final String RECOMPUTED = """
			SELECT w.partner_id || ' ' || w.week_start || ' '
			       || coalesce(CAST(w.score - (SELECT e.score FROM partner_score_week e
			                                   WHERE e.partner_id = w.partner_id AND e.pillar = 'BEHAVIOUR'
			                                     AND e.score IS NOT NULL
			                                     AND e.week_start = (SELECT max(f.week_start) FROM partner_score_week f
			                                         WHERE f.partner_id = w.partner_id AND f.pillar = 'BEHAVIOUR'
			                                           AND f.score IS NOT NULL AND f.week_start <= w.week_start - :days))
			                        AS TEXT), '-') || ' '
			       || coalesce(CAST((SELECT min(n.week_start) FROM partner_score_week n
			                         WHERE n.partner_id = w.partner_id AND n.pillar = 'BEHAVIOUR' AND n.score IS NOT NULL
			                           AND n.week_start > w.week_start) AS TEXT), '-')
			FROM partner_score_week w WHERE w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
			ORDER BY w.partner_id, w.week_start
			""";

	private static final String KEPT = """
			SELECT partner_id || ' ' || week_start || ' ' || coalesce(CAST(momentum AS TEXT), '-') || ' '
			       || coalesce(CAST(next_week AS TEXT), '-')
			FROM roi_momentum_week ORDER BY partner_id, week_start
			""";

	/**
	 * The program's statement with its classes' heads cut at 5 momenta instead of
	 * {@link RoiReinvestSql#HEAD}: a class with fewer there read over every partner.
	 */
	private static final String SHORT_HEAD = RoiProgramPageSql.PAGE
		.replace("LIMIT " + RoiReinvestSql.HEAD + ")", "LIMIT 5)")
		.replace("y.n = " + RoiReinvestSql.HEAD, "y.n = 5");

	@Autowired
	RoiPageRepository pages;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	private final Map<String, Integer> seen = new HashMap<>();

	@Test
	void theKeptMomentumEqualsARecomputationAndThePagesTheStatementsOverTheScores() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			try {
				run();
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private void run() {
		assertThat(SHORT_HEAD).as("heads cut short").isNotEqualTo(RoiProgramPageSql.PAGE);
		var random = new Random(SEED);
		var all = this.jdbc.sql("SELECT id FROM partner ORDER BY id").query(Long.class).list();
		var partners = all.subList(0, Math.min(30, all.size()));
		var monday = this.calendar.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var weeks = new ArrayList<LocalDate>();
		for (int i = 0; i < 16; i++) {
			weeks.add(monday.minusWeeks(i));
		}
		weeks.add(monday.minusWeeks(3).plusDays(2));
		weeks.add(monday.minusWeeks(11).plusDays(1));
		var writes = new ScoreWrites(this.jdbc, random, partners, weeks);
		assertKept("at the start");
		for (int step = 0; step < 120; step++) {
			var what = writes.step(step == 70 ? -1 : random.nextInt(12), this::copy);
			this.seen.merge(what, 1, Integer::sum);
			assertKept("step " + step + " (" + what + ")");
			if (step % 6 == 5) {
				assertPages("step " + step + " (" + what + ")", partners.get(random.nextInt(partners.size())));
			}
		}
		this.jdbc.sql("SELECT roi_momentum_rebuild()").query().listOfRows();
		assertKept("rebuilt");
		assertThat(this.seen).as("writes made")
			.containsKeys("insert one", "insert several", "upsert", "copy a week", "update scores", "unknown",
					"move week", "move partner", "move pillar", "touch", "delete one", "delete partner", "delete week",
					"truncate");
		assertThat(this.seen.getOrDefault("past rows in force", 0)).as("pages of a day before later weeks")
			.isGreaterThan(5);
		assertThat(this.seen.getOrDefault("reinvest listed", 0)).as("reinvest lists with momenta").isGreaterThan(20);
	}

	private void assertKept(String when) {
		var recomputed = this.jdbc.sql(RECOMPUTED)
			.param("days", 7 * VelocityRepository.MOMENTUM_WEEKS)
			.query(String.class)
			.list();
		assertThat(this.jdbc.sql(KEPT).query(String.class).list()).as("kept momentum " + when).isEqualTo(recomputed);
	}

	/** Rows streamed in with COPY, as the scoring run stores a week. */
	private void copy(List<Object[]> rows) {
		try (var copy = PgCopy.into(this.dataSource, "partner_score_week", List.of("partner_id", "week_start",
				"fiscal_week", "as_of", "pillar", "score", "unknown_reason", "computed_at"))) {
			for (var row : rows) {
				copy.row(row[0], row[1], "FY-W", row[1], row[2], row[3], row[3] == null ? "not enough data" : null,
						Instant.now());
			}
			copy.finish();
		}
	}

	private void assertPages(String when, long partner) {
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var today = this.calendar.today();
		long pam = this.jdbc.sql("SELECT coalesce(owner_pam_id, 0) FROM partner WHERE id = :id")
			.param("id", partner)
			.query(Long.class)
			.single();
		var current = this.calendar.currentQuarter();
		for (var quarter : List.of(current, current.previous())) {
			var end = quarter.end().atStartOfDay(zone).toInstant();
			LocalDate lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			if (quarter != current && this.jdbc.sql("""
					SELECT count(*) FROM roi_momentum_week WHERE week_start <= :day AND next_week > :day
					""").param("day", Date.valueOf(lastDay)).query(Long.class).single() > 0) {
				this.seen.merge("past rows in force", 1, Integer::sum);
			}
			for (var scope : List.of(new RoiScope(null, null, null), new RoiScope(null, pam, null),
					new RoiScope(partner, null, null))) {
				var window = new RoiPageRepository.Window(scope, quarter,
						quarter.start().atStartOfDay(zone).toInstant(), end, lastDay, until);
				for (int reinvested : new int[] { Roi.REINVESTED, 2 }) {
					var page = this.pages.page(window, until, lastDay, Roi.LISTED, reinvested);
					var label = quarter.label() + " " + scope + " " + reinvested + " " + when;
					assertThat(page).as("page over the scores " + label)
						.isEqualTo(
								this.pages.page(RoiPageSqlKept.PAGE, window, until, lastDay, Roi.LISTED, reinvested));
					if (scope.pamId() == null && scope.partnerId() == null) {
						assertThat(page).as("program page as before " + label)
							.isEqualTo(this.pages.page(RoiReinvestSqlBefore.PAGE, window, until, lastDay, Roi.LISTED,
									reinvested));
						assertThat(this.pages.page(SHORT_HEAD, window, until, lastDay, Roi.LISTED, reinvested))
							.as("program page, heads cut at 5 " + label)
							.isEqualTo(page);
					}
					if (page.reinvest().stream().anyMatch(c -> c.momentum() != null)) {
						this.seen.merge("reinvest listed", 1, Integer::sum);
					}
				}
			}
		}
	}

	/** A score as the scoring run stores it: one decimal, from 0 to 100. */
	static BigDecimal score(Random random) {
		return random.nextInt(3) == 0 ? new BigDecimal(5 * random.nextInt(21)).setScale(1)
				: BigDecimal.valueOf(random.nextInt(1001), 1);
	}

}
