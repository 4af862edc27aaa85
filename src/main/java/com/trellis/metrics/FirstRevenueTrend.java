package com.trellis.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.Reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time to first revenue (KPI {@value #CODE}) of several periods of one slice, from
 * one statement: what a KPI trend of that code shows.
 * <p>
 * Per period, in the order given: the KPI ({@link KpiRepository#firstRevenue}) of the
 * median days from onboarding to the first counted win ({@code partner_first_win_fact},
 * V117) of the slice's onboarded partners whose first win lies in the period, null
 * without any; the same terms as {@link KpiSql#firstRevenue}, days counted in the
 * business zone ({@code :zone}); a cohort's members are those at each period's own as-of
 * moment ({@link Period#asOf()}). Each period is bound as {@code :fromN}, {@code :toN}
 * (its first and end moments) and {@code :asOfN}; the slice's parameters as
 * {@link KpiRepository#bind} binds them.
 * <p>
 * Why (kpi28): each period was a statement of its own that joined its first wins (about
 * 4,000 a quarter on the large data) to the program's 40,000 partners; one statement
 * reads the partners once for all periods, the first wins of each period by their index.
 */
@Component
class FirstRevenueTrend {

	static final String CODE = "TIME_TO_FIRST_REVENUE";

	private final JdbcClient jdbc;

	FirstRevenueTrend(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String sql(Slice slice, int periods) {
		var windows = new ArrayList<String>();
		for (int i = 0; i < periods; i++) {
			windows.add(
					"(%1$d, CAST(:from%1$d AS timestamptz), CAST(:to%1$d AS timestamptz), CAST(:asOf%1$d AS timestamptz))"
						.formatted(i));
		}
		return """
				SELECT w.i, percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on)
				FROM (VALUES %s) w (i, from_at, to_at, as_of)
				JOIN partner_first_win_fact f ON f.first_win >= w.from_at AND f.first_win < w.to_at
				JOIN partner p ON p.id = f.partner_id
				WHERE p.onboarded_on IS NOT NULL AND %s
				GROUP BY w.i
				"""
			.formatted(String.join(", ", windows), slice.predicate("w.as_of"));
	}

	/**
	 * The KPI over each of {@code periods} (each measured: {@link Period#at}), in order.
	 */
	List<Kpi> of(List<Period> periods, Slice slice) {
		if (periods.isEmpty()) {
			return List.of();
		}
		var spec = KpiRepository.bind(this.jdbc.sql(sql(slice, periods.size())), periods.get(periods.size() - 1),
				slice);
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			spec = spec.param("from" + i, Timestamp.from(period.start()))
				.param("to" + i, Timestamp.from(period.end()))
				.param("asOf" + i, Timestamp.from(period.asOf()));
		}
		var medians = new BigDecimal[periods.size()];
		spec.query((rs, n) -> medians[rs.getInt(1)] = rs.getBigDecimal(2)).list();
		var kpis = new ArrayList<Kpi>();
		for (var median : medians) {
			kpis.add(KpiRepository.firstRevenue(median));
		}
		return kpis;
	}

}
