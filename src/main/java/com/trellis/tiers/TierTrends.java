package com.trellis.tiers;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The weekly tier distribution and movements, counted by the database. */
@Repository
class TierTrends {

	private final JdbcClient jdbc;

	TierTrends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TierTrend trend() {
		var weeks = this.jdbc.sql("""
				SELECT week_start, min(fiscal_week),
				       count(*) FILTER (WHERE tier_after = 'TIER_1_INVEST'),
				       count(*) FILTER (WHERE tier_after = 'TIER_2_EMERGING'),
				       count(*) FILTER (WHERE tier_after = 'TIER_3_BASELINE'),
				       count(*) FILTER (WHERE tier_after < tier_before),
				       count(*) FILTER (WHERE tier_after > tier_before)
				FROM tier_evaluation GROUP BY week_start ORDER BY week_start
				""")
			.query((rs, n) -> new TierTrend.Week(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
		return new TierTrend(weeks);
	}

}
