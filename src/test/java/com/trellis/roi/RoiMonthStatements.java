package com.trellis.roi;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ROI statements as they read before V150 (the quarter's hours and pipeline grouped
 * per partner from the two month facts per request), and the kept quarter sums per
 * partner ({@code roi_partner_quarter_fact}) against the month facts grouped per fiscal
 * quarter: what the property tests compare the kept figures with.
 */
final class RoiMonthStatements {

	/** The hours as read before V150: the quarter's months of the kept hours. */
	static final String HOURS = """
			    SELECT f.partner_id, sum(f.hours) AS hours FROM roi_hours_month_fact f JOIN scope s ON s.id = f.partner_id
			    WHERE f.month >= :fromDay AND f.month < :toDay GROUP BY f.partner_id
			""";

	/** The pipeline and revenue as read before V150: the quarter's partner months. */
	static final String MADE = """
			    SELECT f.partner_id, sum(f.created_reporting) AS pipeline, sum(f.won_reporting) AS revenue
			    FROM partner_month_fact f JOIN scope s ON s.id = f.partner_id
			    WHERE f.month >= :fromDay AND f.month < :toDay GROUP BY f.partner_id
			""";

	private static final String KEPT = """
			SELECT quarter, partner_id, hours_months, hours, made_months, pipeline, revenue
			FROM roi_partner_quarter_fact ORDER BY quarter, partner_id
			""";

	private static final String RECOMPUTED = """
			SELECT q.quarter, q.partner_id, sum(q.hours_months), sum(q.hours), sum(q.made_months), sum(q.pipeline),
			       sum(q.revenue)
			FROM (SELECT CAST(date_trunc('month', CAST(m.month AS TIMESTAMP))
			                  - make_interval(months => mod(CAST(extract(MONTH FROM m.month) AS INT) - s.first_month + 12, 3))
			                  AS DATE) AS quarter,
			             m.partner_id, m.hours_months, m.hours, m.made_months, m.pipeline, m.revenue
			      FROM (SELECT month, partner_id, 1 AS hours_months, hours, 0 AS made_months, 0 AS pipeline, 0 AS revenue
			            FROM roi_hours_month_fact
			            UNION ALL
			            SELECT month, partner_id, 0, 0, 1, created_reporting, won_reporting FROM partner_month_fact) m
			      CROSS JOIN roi_quarter_setting s) q
			GROUP BY 1, 2 ORDER BY 1, 2
			""";

	private RoiMonthStatements() {
	}

	/** {@code sql} with the quarter's hours and pipeline read as before V150. */
	static String before(String sql) {
		assertThat(sql).contains(RoiQuarterSql.MADE);
		return sql.replace(RoiQuarterSql.HOURS, HOURS).replace(RoiQuarterSql.MADE, MADE);
	}

	/**
	 * The kept quarter sums equal the month facts grouped per partner and fiscal quarter
	 * (each value compared by its number: the kept sums may carry a longer scale).
	 */
	static void assertKeptQuartersEqualTheMonths(JdbcClient jdbc, String when) {
		assertThat(rows(jdbc, KEPT)).as("kept quarters " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(rows(jdbc, RECOMPUTED));
	}

	private static List<List<Object>> rows(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql)
			.query((rs, n) -> List.<Object>of(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3),
					rs.getBigDecimal(4).stripTrailingZeros(), rs.getLong(5), rs.getBigDecimal(6).stripTrailingZeros(),
					rs.getBigDecimal(7).stripTrailingZeros()))
			.list();
	}

	/**
	 * The ROI page's figures, for the quarters from {@code first} to the current one and
	 * each scope, listing 200 and 20 and then 3 and 2: the statement as it is equals the
	 * statement {@code before} gives (the page's rows, totals and reinvest list with
	 * every figure, scale included).
	 */
	static void assertPageAsBefore(RoiPageRepository pages, String before, com.trellis.shared.BusinessCalendar calendar,
			java.time.Clock clock, com.trellis.shared.FiscalQuarter first, List<RoiScope> scopes, String when) {
		var current = calendar.currentQuarter();
		for (var quarter = first; !quarter.equals(current.next()); quarter = quarter.next()) {
			var end = calendar.end(quarter);
			var now = clock.instant();
			var today = calendar.today();
			var lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			for (var scope : scopes) {
				var window = new RoiPageRepository.Window(scope, quarter, calendar.start(quarter), end, lastDay, until);
				for (int[] sizes : new int[][] { { Roi.LISTED, Roi.REINVESTED }, { 3, 2 } }) {
					assertThat(pages.page(window, until, lastDay, sizes[0], sizes[1]))
						.as("page " + quarter.label() + " " + scope + " " + sizes[0] + "/" + sizes[1] + " " + when)
						.isEqualTo(pages.page(before, window, until, lastDay, sizes[0], sizes[1]));
				}
			}
		}
	}

}
