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
	 * group) the closed deals that spent time there and the median of their days. The
	 * counts per day bin ({@code forecast_stage_days}, V111) give each group's size and
	 * the bin of its middle row(s); only those rows are read from the ledger, through its
	 * index on (stage, group, days), and {@code percentile_cont} over them gives the same
	 * median as over the whole group.
	 */
	List<Map<String, Object>> stageDurations() {
		var bins = new java.util.TreeMap<String, java.util.TreeMap<Integer, Long>>();
		var members = new java.util.TreeMap<String, java.util.TreeSet<String>>();
		this.jdbc.sql("SELECT stage, grp, bin, deals FROM forecast_stage_days WHERE deals > 0").query(rs -> {
			var stage = rs.getString(1);
			var group = rs.getString(2);
			for (var key : new java.util.LinkedHashSet<>(List.of(group, ForecastModel.coarseOf(group)))) {
				bins.computeIfAbsent(stage + "|" + key, k -> new java.util.TreeMap<>())
					.merge(rs.getInt(3), rs.getLong(4), Long::sum);
				members.computeIfAbsent(stage + "|" + key, k -> new java.util.TreeSet<>()).add(group);
			}
		});
		var rows = new java.util.ArrayList<Map<String, Object>>();
		bins.forEach((key, histogram) -> {
			var stage = key.substring(0, key.indexOf('|'));
			long deals = histogram.values().stream().mapToLong(Long::longValue).sum();
			long middle = (deals - 1) / 2;
			long before = 0;
			int bin = histogram.firstKey();
			for (var entry : histogram.entrySet()) {
				if (before + entry.getValue() > middle) {
					bin = entry.getKey();
					break;
				}
				before += entry.getValue();
			}
			rows.add(Map.of("stage", stage, "group", key.substring(key.indexOf('|') + 1), "deals", deals, "median",
					BigDecimal.valueOf(median(stage, members.get(key), bin, middle - before, deals % 2 == 0 ? 2 : 1))));
		});
		return rows;
	}

	/**
	 * The median of the {@code count} (one or two) middle rows of a stage's groups, the
	 * first of them the {@code offset}-th from the start of {@code bin}.
	 */
	private double median(String stage, java.util.Set<String> groups, int bin, long offset, int count) {
		var branches = new java.util.ArrayList<String>();
		var params = new java.util.HashMap<String, Object>();
		int i = 0;
		for (var group : groups) {
			branches.add("""
					(SELECT days FROM forecast_deal_stage WHERE stage = :stage AND grp = :g%d AND days >= :from
					 ORDER BY days LIMIT :need)""".formatted(i));
			params.put("g" + i++, group);
		}
		params.put("stage", stage);
		params.put("from", BigDecimal.valueOf(bin).subtract(new BigDecimal("0.5")));
		params.put("need", offset + count);
		params.put("offset", offset);
		params.put("count", count);
		return this.jdbc.sql("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)
				FROM (SELECT days FROM (%s) u ORDER BY days OFFSET :offset LIMIT :count) m
				""".formatted(String.join(" UNION ALL ", branches))).params(params).query(Double.class).single();
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
