package com.trellis.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database's time per statement during a benchmark phase, from
 * {@code pg_stat_statements} when the server loads it (a profiling run adds
 * {@code shared_preload_libraries = 'pg_stat_statements'} to the data folder's
 * {@code postgresql.conf}, and the extension is then created here; the application never
 * needs it): calls, execution and planning milliseconds per unit of work, by statement,
 * most time first. Without the extension the report says so.
 */
final class StatementTimes {

	private final JdbcTemplate jdbc;

	private final Map<String, double[]> before;

	StatementTimes(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(
				dataSource instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null
						? delegating.getTargetDataSource() : dataSource);
		if (this.jdbc.queryForObject("SHOW shared_preload_libraries", String.class).contains("pg_stat_statements")) {
			this.jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		this.before = snapshot();
	}

	String report(String unit, long units, int top) {
		var after = snapshot();
		if (after == null || this.before == null) {
			return "Statement times: pg_stat_statements is not loaded\n";
		}
		var out = new StringBuilder();
		double[] totals = new double[4];
		var rows = new java.util.ArrayList<Map.Entry<String, double[]>>();
		after.forEach((query, now) -> {
			var then = this.before.getOrDefault(query, new double[4]);
			var per = new double[4];
			for (int i = 0; i < 4; i++) {
				per[i] = (now[i] - then[i]) / units;
				totals[i] += per[i];
			}
			if (per[0] > 0) {
				rows.add(Map.entry(query, per));
			}
		});
		rows.sort((a, b) -> Double.compare(b.getValue()[1] + b.getValue()[2], a.getValue()[1] + a.getValue()[2]));
		out.append(String.format(Locale.ROOT,
				"Statement times per %s (pg_stat_statements, nested statements included): %.2f calls, %.2f ms executing, %.2f ms planning%n",
				unit, totals[0], totals[1], totals[2]));
		out.append(String.format(Locale.ROOT, "  %7s %9s %9s %8s  %s%n", "calls", "exec ms", "plan ms", "rows",
				"statement"));
		rows.stream()
			.limit(top)
			.forEach(row -> out.append(String.format(Locale.ROOT, "  %7.2f %9.3f %9.3f %8.2f  %s%n", row.getValue()[0],
					row.getValue()[1], row.getValue()[2], row.getValue()[3], row.getKey())));
		return out.toString();
	}

	private Map<String, double[]> snapshot() {
		try {
			var rows = new HashMap<String, double[]>();
			this.jdbc.query(
					"""
							SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 150), calls, total_exec_time, total_plan_time, rows
							FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
							""",
					rs -> {
						rows.merge(rs.getString(1),
								new double[] { rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5) },
								(a, b) -> new double[] { a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3] });
					});
			return rows;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
