package com.trellis.roi;

import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.facts.DealFacts;
import com.trellis.facts.RoiFactRows;
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
 * Property-style (fixed seed) for the ROI page's kept facts (V131): after random
 * sequences of deal changes ({@link RandomDealChanges}: registrations, stage moves,
 * closes, reopens, credit changes, partner attachments, hand-overs, rate changes)
 * interleaved with accounts changing industry (or losing it) and deals moving between
 * accounts, the partner month facts equal the day facts summed per month and the closes
 * per month, industry and partner equal a recomputation from the deals, both again after
 * the facts rebuild; and every quarter's figures per partner (program, a PAM's book, one
 * partner) equal those of the statement the facts replaced (pipeline and revenue from the
 * day facts, the lift from the closed deals joined to their accounts), as does each
 * quarter's total summed in the database.
 */
@TrellisTest
class RoiKeptFiguresPropertyTests {

	private static final long SEED = 20261215L;

	private static final List<String> INDUSTRIES = List.of("Retail", "Energy", "Media");

	/** The pipeline and revenue as read before V131: every partner-day of the quarter. */
	private static final String OLD_MADE = """
			    SELECT f.partner_id, sum(f.created_reporting) AS pipeline, sum(f.won_reporting) AS revenue
			    FROM partner_day_fact f JOIN scope s ON s.id = f.partner_id
			    WHERE f.day >= :fromDay AND f.day < :toDay GROUP BY f.partner_id
			""";

	/**
	 * The lift as read before V131: the quarter's closed deals joined to their accounts.
	 */
	private static final String OLD_LIFT = """
			,
			closed AS (
			    SELECT o.partner_id, o.stage, coalesce(a.industry, '') AS industry FROM opportunity o
			    JOIN account a ON a.id = o.account_id
			    WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at >= :from AND o.closed_at < :to
			),
			baseline AS (
			    SELECT industry, avg(CASE WHEN stage = 'CLOSED_WON' THEN 1.0 ELSE 0.0 END) AS rate FROM closed
			    WHERE partner_id IS NULL GROUP BY industry
			),
			lift AS (
			    SELECT c.partner_id, count(*) AS deals, count(*) FILTER (WHERE c.stage = 'CLOSED_WON') AS won,
			           sum(b.rate) AS expected
			    FROM closed c JOIN baseline b ON b.industry = c.industry JOIN scope s ON s.id = c.partner_id
			    GROUP BY c.partner_id
			)""";

	@Autowired
	RoiRepository repository;

	@Autowired
	RoiPageRepository pages;

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
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keptFactsEqualARecomputationAndTheQuarterFiguresTheOldStatements() {
		var random = new Random(SEED);
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var started = this.calendar.currentQuarter();
		Viewer admin = null;
		long comparableSeen = 0;
		for (int round = 0; round < 2; round++) {
			admin = changes.run(SEED + round, 90);
			var accounts = this.jdbc.sql("SELECT id FROM account WHERE name LIKE 'Random Customer %' ORDER BY id")
				.query(Long.class)
				.list();
			for (long account : accounts) {
				this.jdbc.sql("UPDATE account SET industry = :industry WHERE id = :id")
					.param("industry",
							random.nextInt(4) == 0 ? null : INDUSTRIES.get(random.nextInt(INDUSTRIES.size())))
					.param("id", account)
					.update();
			}
			this.jdbc.sql("""
					UPDATE opportunity SET account_id = :account
					WHERE id IN (SELECT o.id FROM opportunity o JOIN account a ON a.id = o.account_id
					             WHERE a.name LIKE 'Random Customer %' AND o.id % 5 = :slot)
					""").param("account", accounts.get(random.nextInt(accounts.size()))).param("slot", round).update();
			assertKeptEqualRecomputed("after round " + round);
			comparableSeen += assertQuartersAsBefore(started, "after round " + round);
		}
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen");
		assertThat(comparableSeen).as("some partners have comparable closes").isPositive();
		this.facts.rebuild(admin);
		assertKeptEqualRecomputed("after the rebuild");
		assertQuartersAsBefore(started, "after the rebuild");
	}

	private void assertKeptEqualRecomputed(String when) {
		assertThat(RoiFactRows.keptMonths(this.jdbc)).as("partner months " + when)
			.containsExactlyElementsOf(RoiFactRows.recomputedMonths(this.jdbc));
		RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, when);
		assertThat(RoiFactRows.keptCloses(this.jdbc)).as("closes " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(RoiFactRows.recomputedCloses(this.jdbc));
	}

	/**
	 * Every quarter from the one the test started in (a quarter before it, too) to the
	 * current one, for the program, the random partners' PAM and one of them: the rows as
	 * before and the total as the old rows sum. Returns the rows with comparable closes.
	 */
	private long assertQuartersAsBefore(FiscalQuarter started, String when) {
		var partner = this.jdbc
			.sql("SELECT id, owner_pam_id FROM partner WHERE name LIKE 'Random Partner A %' ORDER BY id LIMIT 1")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		var scopes = List.of(new RoiScope(null, null, null), new RoiScope(null, partner[1], null),
				new RoiScope(partner[0], null, null));
		var old = RoiQuarterSql.figuresSql(OLD_MADE, OLD_LIFT);
		var oldCosts = old.replace("coalesce(t1.to_tier, t2.from_tier, p.tier)", "p.tier");
		long comparable = 0;
		var current = this.calendar.currentQuarter();
		for (var quarter = started.previous(); !quarter.equals(current.next()); quarter = quarter.next()) {
			var end = this.calendar.end(quarter);
			var now = this.clock.instant();
			var from = this.calendar.start(quarter);
			var today = this.calendar.today();
			var lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			for (var scope : scopes) {
				var what = quarter.label() + " " + scope + " " + when;
				var kept = this.repository.figures(scope, quarter, from, end, lastDay, until, true);
				assertThat(kept).as(what)
					.containsExactlyElementsOf(this.repository.figures(old, scope, quarter, from, end, lastDay, until));
				comparable += kept.stream().filter(r -> r.comparableDeals() > 0).count();
				var oldRows = this.repository.figures(oldCosts, scope, quarter, from, end, lastDay, until);
				assertThat(this.repository.total(quarter.label(), scope, quarter, from, end, lastDay, until))
					.as("total " + what)
					.isEqualTo(RoiReport.Total.of(quarter.label(), oldRows));
			}
		}
		RoiMonthStatements.assertPageAsBefore(this.pages, RoiMonthStatements.before(RoiPageSqlBefore.PAGE),
				this.calendar, this.clock, started.previous(), scopes, when);
		return comparable;
	}

}
