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
 * needs it): calls, plans, execution and planning milliseconds, rows, and shared blocks
 * found in and read into the buffer cache per unit of work, by statement, most time first
 * (nested statements are also counted in their callers'). Without the extension the
 * report says so.
 */
final class StatementTimes {

	/** Calls, execution ms, planning ms, rows, plans, shared blocks hit and read. */
	private static final int N = 7;

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
		double[] totals = new double[N];
		var rows = new java.util.ArrayList<Map.Entry<String, double[]>>();
		after.forEach((query, now) -> {
			var then = this.before.getOrDefault(query, new double[N]);
			var per = new double[N];
			for (int i = 0; i < N; i++) {
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
		out.append(String.format(Locale.ROOT, "  %7s %7s %9s %9s %8s %8s %7s  %s%n", "calls", "plans", "exec ms",
				"plan ms", "rows", "blk hit", "blk rd", "statement"));
		rows.stream()
			.limit(top)
			.forEach(row -> out.append(String.format(Locale.ROOT, "  %7.2f %7.2f %9.3f %9.3f %8.2f %8.1f %7.2f  %s%n",
					row.getValue()[0], row.getValue()[4], row.getValue()[1], row.getValue()[2], row.getValue()[3],
					row.getValue()[5], row.getValue()[6], row.getKey())));
		return out.toString();
	}

	private Map<String, double[]> snapshot() {
		try {
			var rows = new HashMap<String, double[]>();
			this.jdbc.query(
					"""
							SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 150), calls, total_exec_time, total_plan_time, rows,
							       plans, shared_blks_hit, shared_blks_read
							FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
							""",
					rs -> {
						rows.merge(rs.getString(1), new double[] { rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
								rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8) }, (a, b) -> {
									var sum = new double[N];
									for (int i = 0; i < N; i++) {
										sum[i] = a[i] + b[i];
									}
									return sum;
								});
					});
			return rows;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
