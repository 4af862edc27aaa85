package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the program's ROI page from kept sums (V223,
 * {@link RoiProgramPageSql#PAGE}): after each of a random sequence of changes (tiers set
 * with and without a {@code tier_change} row, tier changes dated after a quarter's last
 * day, changes removed, statuses, partners onboarded or created after the day, partners
 * added and removed, enablement hours that tie after rounding to the cent, zero and
 * negative hours, pipeline, program spend in several currencies, the cost rates in
 * another currency, at zero, and in a currency without a rate), the kept rows equal a
 * recount from {@code partner}, {@code tier_change} and {@code roi_partner_quarter_fact},
 * and the program's page (totals per tier and cohort, the listed partners, the reinvest
 * list; 200/20, 10/4 and 3/2; members of three cohorts placed and ended,
 * {@link CohortMemberSteps}) equals the statement that computed every partner's cost
 * ({@link RoiPageSqlKept}), every figure and scale, for the current quarter and one of
 * the three before it; again after a TRUNCATE of the partner quarters and both rebuilds.
 * Payouts too, some negative and some that round to nothing, and an hour cost of 250 so
 * that hours compete with payouts and spend for the listed places (roi30). After each
 * step the program's trend equals the per-partner statement, and each compared page's way
 * of reading the listed costliest is counted ({@link RoiProgramPageSql#PATH}): the test
 * asserts that the bound, the no-bound and the flat ways were all compared. All in one
 * transaction, rolled back. A step that draws the current quarter twice compares its
 * pages once and counts their ways twice, as before.
 */
@TrellisTest
class RoiTierKeptPropertyTests {

	private static final long SEED = 20261228L;

	private static final List<String> TIERS = List.of("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE");

	private static final List<String> STATUSES = List.of("PROSPECT", "ONBOARDING", "ACTIVE", "DORMANT", "SUNSET");

	/** Hours that tie after pricing and rounding to the cent at a rate near one. */
	private static final List<String> HOURS = List.of("3.001", "3.004", "3.00", "3", "0", "0.001", "12.5", "-1.25",
			"40.0");

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");

	private static final String KEPT = """
			SELECT concat_ws('|', 'P', partner_id, tier, charged, coalesce(CAST(onboarded_on AS TEXT), '-'), created_at)
			FROM roi_partner_kept
			UNION ALL SELECT concat_ws('|', 'C', tier, charged, partners) FROM roi_tier_count
			UNION ALL SELECT concat_ws('|', 'Q', quarter, tier, charged, has_hours, hours_scale, hours, partners,
			                           trim_scale(pipeline), trim_scale(revenue))
			FROM roi_tier_quarter_fact
			""";

	private static final String RECOUNTED = """
			WITH k AS (
			    SELECT p.id, coalesce(t.to_tier, p.tier) AS tier, p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
			             AS charged, p.onboarded_on, p.created_at
			    FROM partner p LEFT JOIN LATERAL (SELECT to_tier FROM tier_change WHERE partner_id = p.id
			                                      ORDER BY effective_on DESC, id DESC LIMIT 1) t ON true
			)
			SELECT concat_ws('|', 'P', id, tier, charged, coalesce(CAST(onboarded_on AS TEXT), '-'), created_at) FROM k
			UNION ALL SELECT concat_ws('|', 'C', tier, charged, count(*)) FROM k GROUP BY tier, charged
			UNION ALL SELECT concat_ws('|', 'Q', g.quarter, g.tier, g.charged, g.has_hours, g.hours_scale, g.hours,
			                           count(*), trim_scale(coalesce(sum(g.pipeline), 0)), trim_scale(coalesce(sum(g.revenue), 0)))
			FROM (SELECT q.quarter, k.tier, k.charged, q.hours_months > 0 AS has_hours,
			             CASE WHEN q.hours_months > 0 THEN scale(q.hours) ELSE 0 END AS hours_scale,
			             CASE WHEN q.hours_months > 0 THEN q.hours ELSE 0 END AS hours,
			             CASE WHEN q.made_months > 0 THEN q.pipeline ELSE 0 END AS pipeline,
			             CASE WHEN q.made_months > 0 THEN q.revenue ELSE 0 END AS revenue
			      FROM roi_partner_quarter_fact q JOIN k ON k.id = q.partner_id) g
			GROUP BY g.quarter, g.tier, g.charged, g.has_hours, g.hours_scale, g.hours
			""";

	@Autowired
	RoiPageRepository pages;

	@Autowired
	RoiRepository repository;

	private final java.util.Map<String, Integer> paths = new java.util.HashMap<>();

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void keptRowsEqualARecountAndTheProgramPageTheStatementOverEveryPartner() {
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
		var random = new Random(SEED);
		var partners = new ArrayList<>(
				this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 14").query(Long.class).list());
		var added = new ArrayList<Long>();
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner ORDER BY id LIMIT 1").query(Long.class).single();
		long admin = this.jdbc.sql("SELECT id FROM app_user ORDER BY id LIMIT 1").query(Long.class).single();
		var today = this.calendar.today();
		var current = this.calendar.currentQuarter();
		var quarters = List.of(current.previous().previous().previous(), current.previous().previous(),
				current.previous(), current);
		rates("1", "USD");
		var original = List.copyOf(partners);
		var members = new CohortMemberSteps(this.jdbc, SEED + 1, this.clock.instant(), "Roi tier kept");
		assertAsRecounted("at the start", current, quarters.get(0));
		for (int step = 0; step < 90; step++) {
			long partner = partners.get(random.nextInt(partners.size()));
			var quarter = quarters.get(random.nextInt(quarters.size()));
			var month = Date.valueOf(quarter.start().plusMonths(random.nextInt(3)));
			switch (random.nextInt(13)) {
				case 0 -> this.jdbc.sql("UPDATE partner SET tier = :tier WHERE id = :id")
					.param("tier", TIERS.get(random.nextInt(3)))
					.param("id", partner)
					.update();
				case 1 -> this.jdbc.sql("UPDATE partner SET lifecycle_status = :status WHERE id = :id OR id = :other")
					.param("status", STATUSES.get(random.nextInt(STATUSES.size())))
					.param("id", partner)
					.param("other", partners.get(random.nextInt(partners.size())))
					.update();
				case 2, 3 -> this.jdbc.sql("""
						INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_by,
						                         changed_at)
						VALUES (:partner, :from, :to, :on, 'MANUAL', 'Roi tier kept', :by, now())
						""")
					.param("partner", partner)
					.param("from", TIERS.get(random.nextInt(3)))
					.param("to", TIERS.get(random.nextInt(3)))
					// a third after the current quarter's day, many after a past
					// quarter's
					.param("on", Date.valueOf(today.minusDays(random.nextInt(380) - 120)))
					.param("by", admin)
					.update();
				case 4 -> this.jdbc.sql("""
						DELETE FROM tier_change WHERE id = (SELECT max(id) FROM tier_change WHERE partner_id = :partner)
						""").param("partner", partner).update();
				case 5 -> this.jdbc.sql("UPDATE partner SET onboarded_on = :on, created_at = :created WHERE id = :id")
					.param("on", random.nextBoolean() ? null : Date.valueOf(today.plusDays(random.nextInt(200) - 150)))
					.param("created",
							Timestamp.from(this.clock.instant().plusSeconds(86_400L * (random.nextInt(400) - 300))))
					.param("id", partner)
					.update();
				case 6 -> {
					long id = this.jdbc.sql("""
							INSERT INTO partner (name, type, region, onboarded_on, owner_pam_id, lifecycle_status, tier,
							                     created_at, updated_at)
							VALUES (:name, 'SI', 'EMEA', :on, :pam, :status, :tier, :created, now()) RETURNING id
							""")
						.param("name", "Roi tier kept " + step)
						.param("on",
								random.nextBoolean() ? null : Date.valueOf(today.plusDays(random.nextInt(60) - 20)))
						.param("pam", pam)
						.param("status", STATUSES.get(random.nextInt(STATUSES.size())))
						.param("tier", TIERS.get(random.nextInt(3)))
						.param("created",
								Timestamp.from(this.clock.instant().plusSeconds(86_400L * (random.nextInt(60) - 50))))
						.query(Long.class)
						.single();
					partners.add(id);
					added.add(id);
				}
				case 7 -> {
					if (!added.isEmpty()) {
						long id = added.remove(random.nextInt(added.size()));
						partners.remove(id);
						for (var table : List.of("tier_change", "roi_hours_month_fact", "partner_month_fact",
								"roi_program_spend")) {
							this.jdbc.sql("DELETE FROM " + table + " WHERE partner_id = :id").param("id", id).update();
						}
						this.jdbc.sql("DELETE FROM partner WHERE id = :id").param("id", id).update();
					}
				}
				case 8 -> this.jdbc
					.sql("""
							INSERT INTO roi_hours_month_fact (month, partner_id, completions, hours) VALUES (:month, :partner, 1, :hours)
							ON CONFLICT (month, partner_id) DO UPDATE SET hours = EXCLUDED.hours
							""")
					.param("month", month)
					.param("partner", partner)
					.param("hours", new BigDecimal(HOURS.get(random.nextInt(HOURS.size()))))
					.update();
				case 9 -> this.jdbc.sql("""
						INSERT INTO partner_month_fact (month, partner_id, created_count, created_reporting, won_count,
						    won_reporting)
						VALUES (:month, :partner, 1, :amount, 1, :amount)
						ON CONFLICT (month, partner_id) DO UPDATE SET created_reporting = EXCLUDED.created_reporting
						""")
					.param("month", month)
					.param("partner", partner)
					.param("amount", new BigDecimal(random.nextInt(100_000)).movePointLeft(3))
					.update();
				case 10 -> this.jdbc
					.sql("""
							INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
							VALUES (:partner, :day, :amount, :currency, 'Roi tier kept', :by, now())
							""")
					.param("partner", partner)
					.param("day", Date.valueOf(quarter.start().plusDays(random.nextInt(80))))
					.param("amount", new BigDecimal(1 + random.nextInt(50_000)).movePointLeft(2))
					.param("currency", CURRENCIES.get(random.nextInt(CURRENCIES.size())))
					.param("by", admin)
					.update();
				case 11 -> payout(random, partner, quarter, admin);
				default -> {
					int kind = random.nextInt(5);
					rates(kind == 0 ? "0" : kind == 1 ? "12.5" : kind == 4 ? "250" : "1",
							kind == 1 ? "XTS" : kind == 2 ? "EUR" : "USD");
				}
			}
			members.step(original);
			assertAsRecounted("step " + step, current, quarters.get(random.nextInt(quarters.size())));
		}
		rates("1", "USD");
		this.jdbc.sql("TRUNCATE roi_partner_quarter_fact").update();
		assertAsRecounted("after a TRUNCATE of the partner quarters", current, quarters.get(1));
		this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().listOfRows();
		assertAsRecounted("after the partner quarters' rebuild", current, quarters.get(2));
		this.jdbc.sql("SELECT roi_tier_kept_rebuild()").query().listOfRows();
		assertAsRecounted("after the rebuild", current, quarters.get(0));
		// every way of reading the listed costliest was compared (roi30)
		assertThat(this.paths).as("ways the listed costliest were read")
			.containsKeys("flat", "every partner with hours", "bounded");
		assertThat(this.paths.get("bounded")).as("pages read from the bound").isGreaterThan(20);
		assertThat(this.paths.get("flat")).as("pages read with no hour cost").isGreaterThan(5);
	}

	/**
	 * A payout of the quarter, some negative (a claw-back: the partner costs less than
	 * its PAM time alone) and some that round to nothing.
	 */
	private void payout(Random random, long partner, FiscalQuarter quarter, long admin) {
		var at = Timestamp
			.from(quarter.start().plusDays(random.nextInt(80)).atStartOfDay(this.calendar.zone()).toInstant());
		var currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
		var amount = switch (random.nextInt(3)) {
			case 0 -> new BigDecimal(-1 - random.nextInt(5_000)).movePointLeft(2);
			case 1 -> new BigDecimal("0.001");
			default -> new BigDecimal(1 + random.nextInt(50_000)).movePointLeft(2);
		};
		var kind = random.nextBoolean() ? "MDF_REIMBURSEMENT" : "SPIFF";
		PaidEarningRows.insert(this.jdbc, "Roi tier kept", "roi-tier-kept", partner, kind, BigDecimal.ONE, amount,
				currency, at);
	}

	private void rates(String hourCost, String currency) {
		this.jdbc.sql("""
				UPDATE roi_cost_rate SET enablement_hour_cost = :cost, enablement_currency = :currency,
				    pam_cost_per_partner = 1.5, pam_currency = 'GBP'
				""").param("cost", new BigDecimal(hourCost)).param("currency", currency).update();
	}

	private void assertAsRecounted(String when, FiscalQuarter... quarters) {
		assertThat(rows(KEPT)).as("kept rows " + when).containsExactlyInAnyOrderElementsOf(rows(RECOUNTED));
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var today = this.calendar.today();
		var program = new RoiScope(null, null, null);
		var compared = new java.util.HashMap<FiscalQuarter, List<String>>();
		for (var quarter : quarters) {
			var again = compared.get(quarter);
			if (again != null) {
				// the same quarter twice in a step: same statements, same rows, same
				// pages; counted again as before, not read again
				again.forEach(path -> this.paths.merge(path, 1, Integer::sum));
				continue;
			}
			var read = new ArrayList<String>();
			compared.put(quarter, read);
			var start = quarter.start().atStartOfDay(zone).toInstant();
			var end = quarter.end().atStartOfDay(zone).toInstant();
			LocalDate lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			var window = new RoiPageRepository.Window(program, quarter, start, end, lastDay, until);
			for (int[] sizes : new int[][] { { Roi.LISTED, Roi.REINVESTED }, { 10, 4 }, { 3, 2 } }) {
				var reference = this.pages.page(RoiPageSqlKept.PAGE, window, until, lastDay, sizes[0], sizes[1]);
				assertThat(this.pages.page(window, until, lastDay, sizes[0], sizes[1]))
					.as("program page " + quarter.label() + " " + sizes[0] + "/" + sizes[1] + " " + when)
					.isEqualTo(reference);
				// a page of the cohorts (once per quarter): the second and third by name,
				// and their number
				if (sizes[0] == Roi.LISTED) {
					var cohorts = this.pages.page(window, until, lastDay, sizes[0], sizes[1], 1, 2);
					int n = reference.cohorts().size();
					assertThat(cohorts.cohorts()).as("cohorts 2-3 " + quarter.label() + " " + when)
						.isEqualTo(reference.cohorts().subList(Math.min(1, n), Math.min(3, n)));
					assertThat(cohorts.cohortCount()).isEqualTo(n);
				}
				var path = path(window, sizes[0]);
				read.add(path);
				this.paths.merge(path, 1, Integer::sum);
			}
		}
		var periods = new ArrayList<RoiRepository.Period>();
		for (FiscalQuarter quarter = this.calendar.currentQuarter(),
				stop = quarter.previous().previous().previous().previous(); !quarter
					.equals(stop); quarter = quarter.previous()) {
			var end = quarter.end().atStartOfDay(zone).toInstant();
			periods.add(new RoiRepository.Period(quarter.label(), quarter,
					quarter.start().atStartOfDay(zone).toInstant(), end,
					quarter.end().isAfter(today) ? today : quarter.end().minusDays(1), end.isAfter(now) ? now : end));
		}
		assertThat(this.repository.totals(program, periods)).as("program trend " + when)
			.hasSize(periods.size())
			.isEqualTo(this.repository.totals(RoiTrendSql.totals(periods.size(), false), program, periods));
	}

	/**
	 * Which way the program's statement read the listed costliest
	 * ({@link RoiProgramPageSql#PATH}): "flat" (no hour costs anything), "every partner
	 * with hours" (no bound: fewer than listed have hours), "bounded" (fewer candidates
	 * than partners) or "all" (the bound let every partner in).
	 */
	private String path(RoiPageRepository.Window window, int listed) {
		var path = window.bind(this.jdbc.sql(RoiProgramPageSql.PATH))
			.param("listed", listed)
			.query((rs, n) -> rs.getBoolean("flat") ? "flat" : rs.getBigDecimal("bound") == null
					? "every partner with hours"
					: rs.getLong(
							"candidates") < this.jdbc.sql("SELECT count(*) FROM partner").query(Long.class).single()
									? "bounded" : "all")
			.single();
		return path;
	}

	/** The rows as text, sums by their number (a kept sum keeps the scale it had). */
	private List<String> rows(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

}
