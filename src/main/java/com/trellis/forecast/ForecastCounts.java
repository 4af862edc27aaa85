package com.trellis.forecast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live model's input kept as counts (migration V64_1): per stage and group the closed
 * deals that reached it and how many were won, per pair of stages the paths closed deals
 * took, and one ledger row per closed deal and stage with its days there. The database
 * moves them with each close or reopen, in the statement that made it; reading them is a
 * few hundred rows and one median per stage and group, where {@link ForecastRepository}
 * regroups every stage move of every closed deal (still used for the back-test's
 * cut-offs).
 */
@Repository
class ForecastCounts {

	private final JdbcClient jdbc;

	ForecastCounts(javax.sql.DataSource dataSource) {
		// learning runs in the background (LiveModel); the medians over every closed deal
		// and stage may take longer than a request may
		// (spring.jdbc.template.query-timeout)
		this.jdbc = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	/** Rows as {@link ForecastRepository#history}: stage, group, closed, won. */
	List<Map<String, Object>> history() {
		return this.jdbc.sql("SELECT stage, grp, closed, won FROM forecast_stage_count WHERE closed > 0")
			.query((rs, n) -> Map.<String, Object>of("stage", rs.getString(1), "group", rs.getString(2), "closed",
					rs.getLong(3), "won", rs.getLong(4)))
			.list();
	}

	/**
	 * Rows as {@link ForecastRepository#stageDurations}: per stage and group (and coarse
	 * group) the closed deals that spent time there and the median of their days.
	 */
	List<Map<String, Object>> stageDurations() {
		return this.jdbc.sql("""
				SELECT stage, grp, CASE WHEN grp = 'DIRECT' THEN 'DIRECT' ELSE 'PARTNER' END AS coarse, count(*),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY days)
				FROM forecast_deal_stage WHERE days IS NOT NULL
				GROUP BY GROUPING SETS ((1, 2), (1, 3))
				""")
			.query((rs, n) -> Map.<String, Object>of("stage", rs.getString(1), "group",
					rs.getString(2) != null ? rs.getString(2) : rs.getString(3), "deals", rs.getLong(4), "median",
					BigDecimal.valueOf(rs.getDouble(5))))
			.list();
	}

	/** Rows as {@link ForecastRepository#stagePaths}: from, to, group, deals. */
	List<Map<String, Object>> stagePaths() {
		return this.jdbc.sql("""
				SELECT from_stage, to_stage, grp, deals FROM forecast_path_count WHERE deals > 0
				UNION ALL
				SELECT from_stage, to_stage, 'PARTNER', sum(deals) FROM forecast_path_count
				WHERE grp LIKE 'PARTNER:%' GROUP BY from_stage, to_stage HAVING sum(deals) > 0
				""")
			.query((rs, n) -> Map.<String, Object>of("from", rs.getString(1), "to", rs.getString(2), "group",
					rs.getString(3), "deals", rs.getLong(4)))
			.list();
	}

	/** Recomputes the ledger and the counts from every closed deal's history. */
	void rebuild() {
		this.jdbc.sql("SELECT forecast_counts_rebuild()").query().singleRow();
	}

}
