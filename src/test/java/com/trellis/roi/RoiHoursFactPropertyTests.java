package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.ExchangeRates;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the kept enablement hours (V143
 * {@code roi_hours_month_fact}): after random sequences of the changes that feed the ROI
 * costs — enablement completions recorded (one or several per statement), corrected
 * (another day, partner or item), deleted, items' hours changed; program spend added,
 * corrected and deleted; MDF and incentive payouts; deal changes
 * ({@link RandomDealChanges}) — the kept rows equal the completions grouped per partner
 * and month, again after {@code roi_hours_month_fact_rebuild()}; and every quarter's
 * figures per partner (program, a PAM's book, one partner) and each quarter's total equal
 * those of the statement that grouped the completions per request. The items' hours are
 * set back at the end.
 */
@TrellisTest
class RoiHoursFactPropertyTests {

	private static final long SEED = 20261202L;

	/** The hours as read before V143: the quarter's completions joined to their items. */
	private static final String OLD_HOURS = """
			    SELECT c.partner_id, sum(i.hours) AS hours FROM enablement_completion c
			    JOIN enablement_item i ON i.id = c.item_id JOIN scope s ON s.id = c.partner_id
			    WHERE c.completed_on >= :fromDay AND c.completed_on < :toDay GROUP BY c.partner_id
			""";

	private static final String KEPT = "SELECT month, partner_id, completions, hours FROM roi_hours_month_fact "
			+ "ORDER BY month, partner_id";

	private static final String RECOMPUTED = """
			SELECT CAST(date_trunc('month', CAST(c.completed_on AS TIMESTAMP)) AS DATE) AS month, c.partner_id,
			       count(*) AS completions, sum(i.hours) AS hours
			FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
			GROUP BY 1, 2 ORDER BY 1, 2
			""";

	@Autowired
	RoiRepository repository;

	@Autowired
	RoiPageRepository pages;

	@Autowired
	ProgramSpend programSpend;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private final Map<String, Integer> done = new TreeMap<>();

	@Test
	void keptHoursEqualTheCompletionsAndTheQuarterFiguresTheOldStatement() {
		var random = new Random(SEED);
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Roi Hours Fact " + SEED);
		var partners = new ArrayList<>(List.of(world.partnerId()));
		for (int i = 1; i < 4; i++) {
			partners.add(this.fixtures.partner("Roi Hours Fact " + SEED + " " + i, world.pam().userId()));
		}
		var users = new ArrayList<long[]>();
		for (long partner : partners) {
			for (int i = 0; i < 2; i++) {
				users.add(new long[] { this.fixtures.user(Role.PARTNER, partner, null).userId(), partner });
			}
		}
		var items = this.jdbc.sql("SELECT id, hours FROM enablement_item ORDER BY id")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) })
			.list();
		var started = this.calendar.currentQuarter();
		var first = started.previous().previous().start();
		int days = (int) (this.calendar.today().toEpochDay() - first.toEpochDay()) + 1;
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var spends = new ArrayList<Long>();
		try {
			for (int round = 0; round < 2; round++) {
				for (int step = 0; step < 40; step++) {
					change(random, admin, partners, users, items, first, days, spends);
				}
				changes.run(SEED + round, 20);
				assertKeptEqualRecomputed("after round " + round);
				RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, "after round " + round);
				var pam = new RoiScope(null, world.pam().userId(), null);
				var partner = new RoiScope(partners.get(random.nextInt(partners.size())), null, null);
				assertQuartersAsBefore(started, pam, partner, "after round " + round);
				RoiMonthStatements.assertPageAsBefore(this.pages, RoiMonthStatements.before(RoiPageSqlBefore.PAGE),
						this.calendar, this.clock, started.previous().previous(),
						List.of(new RoiScope(null, null, null), pam, partner), "after round " + round);
			}
			assertThat(this.done).containsKeys("record", "records", "correct day", "correct partner", "correct item",
					"delete", "item hours", "spend", "payout");
			this.jdbc.sql("SELECT roi_hours_month_fact_rebuild()").query().singleRow();
			assertKeptEqualRecomputed("after the rebuild");
			RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, "after the rebuild");
			assertQuarterFactFollowsTheFiscalQuarters();
		}
		finally {
			for (var item : items) {
				this.jdbc.sql("UPDATE enablement_item SET hours = :hours WHERE id = :id AND hours <> :hours")
					.param("hours", item[1])
					.param("id", item[0])
					.update();
			}
		}
		assertKeptEqualRecomputed("after the items' hours were set back");
	}

	private void change(Random random, Viewer admin, List<Long> partners, List<long[]> users, List<Object[]> items,
			LocalDate first, int days, List<Long> spends) {
		var day = first.plusDays(random.nextInt(days));
		var mine = "SELECT id FROM enablement_completion WHERE partner_id = ANY (:partners) ORDER BY id";
		var ids = this.jdbc.sql(mine).param("partners", partners.toArray(Long[]::new)).query(Long.class).list();
		int kind = random.nextInt(12);
		if (kind <= 2 || ids.isEmpty()) {
			// one completion, or up to five in one statement
			int rows = kind == 0 ? 1 + random.nextInt(5) : 1;
			for (int i = 0; i < rows; i++) {
				var user = users.get(random.nextInt(users.size()));
				this.jdbc
					.sql("""
							INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, source, recorded_by,
							                                   recorded_at)
							SELECT :item, :user, :partner, CAST(:day AS DATE) + g, 'ADMIN', :user, :at FROM generate_series(0, :extra) g
							ON CONFLICT DO NOTHING
							""")
					.param("item", items.get(random.nextInt(items.size()))[0])
					.param("user", user[0])
					.param("partner", user[1])
					.param("day", Date.valueOf(day))
					.param("extra", random.nextInt(3))
					.param("at", Timestamp.from(this.clock.instant()))
					.update();
			}
			this.done.merge(rows > 1 ? "records" : "record", 1, Integer::sum);
		}
		else if (kind == 3) {
			this.jdbc.sql("""
					UPDATE enablement_completion c SET completed_on = :day WHERE c.id = :id AND NOT EXISTS (
					    SELECT 1 FROM enablement_completion o
					    WHERE o.item_id = c.item_id AND o.user_id = c.user_id AND o.completed_on = :day)
					""").param("day", Date.valueOf(day)).param("id", ids.get(random.nextInt(ids.size()))).update();
			this.done.merge("correct day", 1, Integer::sum);
		}
		else if (kind == 4) {
			// several completions moved to another partner in one statement
			this.jdbc.sql("UPDATE enablement_completion SET partner_id = :partner WHERE id = ANY (:ids)")
				.param("partner", partners.get(random.nextInt(partners.size())))
				.param("ids", some(random, ids).toArray(Long[]::new))
				.update();
			this.done.merge("correct partner", 1, Integer::sum);
		}
		else if (kind == 5) {
			this.jdbc.sql("""
					UPDATE enablement_completion c SET item_id = :item WHERE c.id = :id AND NOT EXISTS (
					    SELECT 1 FROM enablement_completion o
					    WHERE o.item_id = :item AND o.user_id = c.user_id AND o.completed_on = c.completed_on)
					""")
				.param("item", items.get(random.nextInt(items.size()))[0])
				.param("id", ids.get(random.nextInt(ids.size())))
				.update();
			this.done.merge("correct item", 1, Integer::sum);
		}
		else if (kind == 6) {
			this.jdbc.sql("DELETE FROM enablement_completion WHERE id = ANY (:ids)")
				.param("ids", some(random, ids).toArray(Long[]::new))
				.update();
			this.done.merge("delete", 1, Integer::sum);
		}
		else if (kind == 7) {
			// one or two items' hours in one statement
			this.jdbc.sql("UPDATE enablement_item SET hours = hours + :by WHERE id IN (:a, :b) AND hours + :by > 0")
				.param("by", new BigDecimal(random.nextInt(9) - 4).multiply(new BigDecimal("0.5")))
				.param("a", items.get(random.nextInt(items.size()))[0])
				.param("b", items.get(random.nextInt(items.size()))[0])
				.update();
			this.done.merge("item hours", 1, Integer::sum);
		}
		else if (kind <= 9) {
			spend(random, admin, partners, day, spends);
		}
		else {
			payout(random, partners.get(random.nextInt(partners.size())), day);
		}
	}

	private static List<Long> some(Random random, List<Long> ids) {
		var some = new ArrayList<Long>();
		for (int i = 0; i <= random.nextInt(3); i++) {
			some.add(ids.get(random.nextInt(ids.size())));
		}
		return some;
	}

	private void spend(Random random, Viewer admin, List<Long> partners, LocalDate day, List<Long> spends) {
		var currency = List.of("USD", "EUR", "JPY").get(random.nextInt(3));
		var amount = new BigDecimal(1 + random.nextInt(5000))
			.movePointLeft("JPY".equals(currency) ? 0 : random.nextInt(3));
		var command = new SpendCommand(partners.get(random.nextInt(partners.size())), day, amount, currency,
				"Random spend");
		if (spends.isEmpty() || random.nextBoolean()) {
			spends.add(this.programSpend.add(admin, command).id());
		}
		else if (random.nextBoolean()) {
			this.programSpend.correct(admin, spends.get(random.nextInt(spends.size())), command);
		}
		else {
			this.programSpend.delete(admin, spends.remove(random.nextInt(spends.size())));
		}
		this.done.merge("spend", 1, Integer::sum);
	}

	private void payout(Random random, long partner, LocalDate day) {
		var at = Timestamp.from(this.calendar.startOf(day).plusSeconds(random.nextInt(86_400)));
		var currency = List.of("USD", "EUR", "GBP").get(random.nextInt(3));
		var amount = new BigDecimal(1 + random.nextInt(100_000)).movePointLeft(2);
		var kind = random.nextBoolean() ? "MDF_REIMBURSEMENT" : "SPIFF";
		PaidEarningRows.insert(this.jdbc, "Roi hours fact", "roi-hours-fact", partner, kind, amount, amount, currency,
				at);
		this.done.merge("payout", 1, Integer::sum);
	}

	/**
	 * Fiscal quarters that start in February and in March (the setting
	 * {@link RoiQuarterFacts} writes at start): the rebuilt quarter sums are the month
	 * facts grouped by those quarters; set back to the configured quarters after.
	 */
	private void assertQuarterFactFollowsTheFiscalQuarters() {
		int configured = RoiQuarterFacts.firstMonth(this.calendar.fiscalYearStart());
		try {
			for (int month : new int[] { 2, 3 }) {
				this.jdbc.sql("UPDATE roi_quarter_setting SET first_month = :month").param("month", month).update();
				this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().singleRow();
				RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, "quarters from month " + month);
				assertThat(this.jdbc
					.sql("SELECT count(*) FROM roi_partner_quarter_fact "
							+ "WHERE mod(CAST(extract(MONTH FROM quarter) AS INT) - :month + 12, 3) <> 0")
					.param("month", month)
					.query(Long.class)
					.single()).as("quarters start in months " + month + ", +3, +6, +9").isZero();
			}
		}
		finally {
			this.jdbc.sql("UPDATE roi_quarter_setting SET first_month = :month").param("month", configured).update();
			this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().singleRow();
		}
		RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, "back to the configured quarters");
	}

	private void assertKeptEqualRecomputed(String when) {
		assertThat(rows(KEPT)).as("kept hours " + when).isNotEmpty().containsExactlyElementsOf(rows(RECOMPUTED));
	}

	private List<List<Object>> rows(String sql) {
		return this.jdbc.sql(sql)
			.query((rs, n) -> List.<Object>of(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3),
					rs.getBigDecimal(4)))
			.list();
	}

	/**
	 * From two quarters before the test's start to the current one, for the program, the
	 * PAM's book and one partner: the rows and the total as the old statement gives.
	 */
	private void assertQuartersAsBefore(FiscalQuarter started, RoiScope pam, RoiScope partner, String when) {
		assertThat(RoiQuarterSql.FIGURES).contains(RoiQuarterSql.HOURS);
		var old = RoiQuarterSql.FIGURES.replace(RoiQuarterSql.HOURS, OLD_HOURS);
		var oldCosts = RoiQuarterSql.COSTS.replace(RoiQuarterSql.HOURS, OLD_HOURS);
		var current = this.calendar.currentQuarter();
		var periods = new ArrayList<RoiRepository.Period>();
		var totals = new java.util.HashMap<RoiScope, List<RoiReport.Total>>();
		for (var quarter = started.previous().previous(); !quarter.equals(current.next()); quarter = quarter.next()) {
			var end = this.calendar.end(quarter);
			var now = this.clock.instant();
			var from = this.calendar.start(quarter);
			var today = this.calendar.today();
			var lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			for (var scope : List.of(new RoiScope(null, null, null), pam, partner)) {
				var what = quarter.label() + " " + scope + " " + when;
				var kept = this.repository.figures(scope, quarter, from, end, lastDay, until, true);
				assertThat(kept).as(what)
					.containsExactlyElementsOf(this.repository.figures(old, scope, quarter, from, end, lastDay, until));
				var oldRows = this.repository.figures(oldCosts, scope, quarter, from, end, lastDay, until);
				var total = this.repository.total(quarter.label(), scope, quarter, from, end, lastDay, until);
				assertThat(total).as("total " + what).isEqualTo(RoiReport.Total.of(quarter.label(), oldRows));
				totals.computeIfAbsent(scope, s -> new ArrayList<>()).add(total);
			}
			periods.add(new RoiRepository.Period(quarter.label(), quarter, from, end, lastDay, until));
		}
		// the trend's statement: every quarter's total in one
		for (var scope : totals.keySet()) {
			assertThat(this.repository.totals(scope, periods)).as("totals " + scope + " " + when)
				.containsExactlyElementsOf(totals.get(scope));
		}
	}

}
