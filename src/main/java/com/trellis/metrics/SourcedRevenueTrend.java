package com.trellis.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.Reporting;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner-sourced revenue (KPI {@value #CODE}) of several periods of one slice, from
 * one statement: what a KPI trend of that code shows (the metrics page's chart).
 * <p>
 * Per period, in the order given: the KPI ({@link #kpi}) of the closed-won amount in the
 * reporting currency of the slice's partner-sourced credit on the period's days (0 when
 * there is none), rounded once as the KPI rounds it. It reads the same daily deal facts
 * ({@link KpiSql#sliceDays}) with the same terms as {@link KpiDayFigures}'s
 * {@code sourcedRevenue}: rows whose currency has no exchange rate are left out; a
 * program slice counts only partner-involved rows; a cohort's members are those at each
 * period's own as-of moment ({@link Period#asOf()}). Each period is bound as
 * {@code :fromN}, {@code :untilN} (dates) and {@code :asOfN}; the slice's parameters as
 * {@link KpiRepository#bind} binds them.
 * <p>
 * Why: the trend computed each period as a whole request's day-fact statement (the
 * slice's and the program's days, eight sums) for one of its figures, six statements a
 * page.
 */
@Component
class SourcedRevenueTrend {

	static final String CODE = "PARTNER_SOURCED_REVENUE";

	private final JdbcClient jdbc;

	SourcedRevenueTrend(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The KPI of a closed-won sum (reporting currency, unrounded: rounded here to the
	 * currency's two decimals); the one definition of the KPI, for a request's KPIs
	 * ({@link KpiRepository}) and for its trend.
	 */
	static Kpi kpi(BigDecimal sum) {
		return new Kpi(CODE, "Partner-sourced revenue",
				"Closed-won amount of deals credited as partner-sourced, closed in the period, in the reporting currency.",
				"MONEY", sum == null ? null : ReportingCurrency.round(sum), null, null, null);
	}

	static String sql(Slice slice, int periods) {
		var windows = new ArrayList<String>();
		for (int i = 0; i < periods; i++) {
			windows.add("(%1$d, CAST(:from%1$d AS date), CAST(:until%1$d AS date), CAST(:asOf%1$d AS timestamptz))"
				.formatted(i));
		}
		return """
				SELECT (SELECT COALESCE(sum(f.won_reporting), 0)
				        FROM %1$s JOIN exchange_rate fx ON fx.currency = f.currency
				        WHERE f.day >= w.from_date AND f.day < w.until_date AND f.credit_type = 'SOURCED' AND %2$s)
				FROM (VALUES %3$s) w (i, from_date, until_date, as_of)
				ORDER BY w.i
				""".formatted(KpiSql.sliceDays(slice, "w.as_of"), KpiSql.partnerInvolved(slice),
				String.join(", ", windows));
	}

	/**
	 * The KPI over each of {@code periods} (each measured: {@link Period#at}), in order.
	 */
	List<Kpi> of(List<Period> periods, Slice slice) {
		if (periods.isEmpty()) {
			return List.of();
		}
		var spec = KpiStatements.bind(this.jdbc.sql(sql(slice, periods.size())), periods.get(periods.size() - 1),
				slice);
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			spec = spec.param("from" + i, Date.valueOf(period.from()))
				.param("until" + i, Date.valueOf(period.until()))
				.param("asOf" + i, Timestamp.from(period.asOf()));
		}
		return spec.query((rs, n) -> kpi(rs.getBigDecimal(1))).list();
	}

}
