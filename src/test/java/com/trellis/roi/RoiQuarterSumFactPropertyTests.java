package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
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
 * Property-style (fixed seed) for the kept sums per quarter (V200
 * {@code roi_quarter_sum_fact}): after each of a random sequence of changes to the two
 * month facts that feed the kept partner quarters (hours and pipeline months inserted,
 * added to, changed several at a time, deleted; hours that tie across partners, the same
 * hours at another scale, amounts with a third decimal to round, zeros) and to the cost
 * rates (the enablement rate in a second currency, then in a currency without an exchange
 * rate, whose cost is unknown and counts as zero), the kept sums equal a recount from
 * {@code roi_partner_quarter_fact}, again after {@code roi_quarter_sum_fact_rebuild()},
 * and the program's trend read from them equals the statement that read every partner's
 * quarter row (every figure, scale included). All in one transaction, rolled back.
 */
@TrellisTest
class RoiQuarterSumFactPropertyTests {

	private static final long SEED = 20261203L;

	private static final List<String> HOURS = List.of("0.5", "1.5", "1.50", "2", "3.25", "0", "12.0");

	private static final List<String> AMOUNTS = List.of("100.005", "0.125", "250", "99.995", "0", "1234.5678",
			"-20.015");

	private static final String KEPT = """
			SELECT quarter, has_hours, hours_scale, hours, partners, made_partners, pipeline, revenue
			FROM roi_quarter_sum_fact ORDER BY 1, 2, 3, 4
			""";

	private static final String RECOUNTED = """
			SELECT quarter, hours_months > 0, CASE WHEN hours_months > 0 THEN scale(hours) ELSE 0 END,
			       CASE WHEN hours_months > 0 THEN hours ELSE 0 END, count(*), count(*) FILTER (WHERE made_months > 0),
			       coalesce(sum(round(pipeline, 2)) FILTER (WHERE made_months > 0), 0),
			       coalesce(sum(round(revenue, 2)) FILTER (WHERE made_months > 0), 0)
			FROM roi_partner_quarter_fact GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoiRepository repository;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void keptSumsEqualARecountAndTheProgramTrendTheStatementPerPartner() {
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
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 12").query(Long.class).list();
		assertThat(partners).hasSizeGreaterThanOrEqualTo(4);
		var current = this.calendar.currentQuarter();
		var months = new ArrayList<LocalDate>();
		for (var month = current.previous().previous().previous().start(); month
			.isBefore(current.end()); month = month.plusMonths(1)) {
			months.add(month);
		}
		rates("37.3333", "EUR");
		assertKeptAsRecounted("at the start");
		int unknownRates = 0;
		for (int step = 0; step < 140; step++) {
			long partner = partners.get(random.nextInt(partners.size()));
			var month = Date.valueOf(months.get(random.nextInt(months.size())));
			var what = "step " + step;
			switch (random.nextInt(8)) {
				case 0, 1 -> this.jdbc
					.sql("""
							INSERT INTO roi_hours_month_fact (month, partner_id, completions, hours) VALUES (:month, :partner, 1, :hours)
							ON CONFLICT (month, partner_id) DO UPDATE SET completions = roi_hours_month_fact.completions + 1,
							    hours = roi_hours_month_fact.hours + EXCLUDED.hours
							""")
					.param("month", month)
					.param("partner", partner)
					.param("hours", new BigDecimal(HOURS.get(random.nextInt(HOURS.size()))))
					.update();
				case 2, 3 -> this.jdbc
					.sql("""
							INSERT INTO partner_month_fact (month, partner_id, created_count, created_reporting, won_count,
							    won_reporting)
							VALUES (:month, :partner, 1, :created, 1, :won)
							ON CONFLICT (month, partner_id) DO UPDATE SET created_count = partner_month_fact.created_count + 1,
							    created_reporting = partner_month_fact.created_reporting + EXCLUDED.created_reporting,
							    won_reporting = partner_month_fact.won_reporting + EXCLUDED.won_reporting
							""")
					.param("month", month)
					.param("partner", partner)
					.param("created", new BigDecimal(AMOUNTS.get(random.nextInt(AMOUNTS.size()))))
					.param("won", new BigDecimal(AMOUNTS.get(random.nextInt(AMOUNTS.size()))))
					.update();
				case 4 -> this.jdbc
					.sql("UPDATE roi_hours_month_fact SET hours = :hours WHERE month = :month OR partner_id = :partner")
					.param("hours", new BigDecimal(HOURS.get(random.nextInt(HOURS.size()))))
					.param("month", month)
					.param("partner", partner)
					.update();
				case 5 -> this.jdbc.sql("""
						UPDATE partner_month_fact SET won_reporting = won_reporting + :won
						WHERE partner_id = :partner OR month = :month
						""")
					.param("won", new BigDecimal(AMOUNTS.get(random.nextInt(AMOUNTS.size()))))
					.param("partner", partner)
					.param("month", month)
					.update();
				case 6 -> this.jdbc
					.sql((random.nextBoolean() ? "DELETE FROM roi_hours_month_fact" : "DELETE FROM partner_month_fact")
							+ (random.nextInt(4) == 0 ? " WHERE month = :month" : " WHERE partner_id = :partner"))
					.param("month", month)
					.param("partner", partner)
					.update();
				default -> {
					boolean unknown = random.nextInt(3) == 0;
					unknownRates += unknown ? 1 : 0;
					rates(unknown ? "12.5" : "41.75", unknown ? "XTS" : random.nextBoolean() ? "EUR" : "GBP");
				}
			}
			assertKeptAsRecounted(what);
		}
		assertThat(unknownRates).as("some steps priced hours in a currency without a rate").isPositive();
		this.jdbc.sql("SELECT roi_partner_quarter_fact_rebuild()").query().listOfRows();
		assertKeptAsRecounted("after the partner quarters' rebuild");
		this.jdbc.sql("SELECT roi_quarter_sum_fact_rebuild()").query().listOfRows();
		assertKeptAsRecounted("after the rebuild");
	}

	private void rates(String hourCost, String currency) {
		this.jdbc.sql("""
				UPDATE roi_cost_rate SET enablement_hour_cost = :cost, enablement_currency = :currency,
				    pam_cost_per_partner = 95.5, pam_currency = 'GBP'
				""").param("cost", new BigDecimal(hourCost)).param("currency", currency).update();
	}

	private void assertKeptAsRecounted(String when) {
		assertThat(rows(KEPT)).as("kept sums " + when).containsExactlyElementsOf(rows(RECOUNTED));
		var program = new RoiScope(null, null, null);
		var periods = periods();
		var trend = this.repository.totals(program, periods);
		assertThat(trend).as("program trend " + when)
			.hasSize(periods.size())
			.isEqualTo(this.repository.totals(RoiTrendSql.totals(periods.size(), false), program, periods));
	}

	/** The trend's four quarters, this one last, as the page reads them. */
	private List<RoiRepository.Period> periods() {
		var periods = new ArrayList<RoiRepository.Period>();
		var today = this.calendar.today();
		var now = this.clock.instant();
		for (FiscalQuarter q = this.calendar.currentQuarter(),
				stop = q.previous().previous().previous().previous(); !q.equals(stop); q = q.previous()) {
			var end = this.calendar.end(q);
			periods.add(0, new RoiRepository.Period(q.label(), q, this.calendar.start(q), end,
					q.end().isAfter(today) ? today : q.end().minusDays(1), end.isAfter(now) ? now : end));
		}
		return periods;
	}

	/**
	 * The rows, the hours exactly (the key keeps their scale), the sums by their number.
	 */
	private List<List<Object>> rows(String sql) {
		return this.jdbc.sql(sql)
			.query((rs, n) -> List.<Object>of(rs.getDate(1).toLocalDate(), rs.getBoolean(2), rs.getInt(3),
					rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7).stripTrailingZeros(),
					rs.getBigDecimal(8).stripTrailingZeros()))
			.list();
	}

}
