package com.trellis.tiers;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The weekly tier distribution and movements: per week, the partners evaluated into each
 * tier and those that moved down and up, from the counts kept per week
 * ({@code tier_week_count}, V140, its movement columns named right in V166: kept by
 * triggers on {@code tier_evaluation}; the page grouped every evaluation per request
 * before).
 */
@Repository
class TierTrends {

	private final JdbcClient jdbc;

	TierTrends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TierTrend trend() {
		var weeks = this.jdbc.sql("""
				SELECT week_start, fiscal_week, tier_1, tier_2, tier_3, moved_up, moved_down
				FROM tier_week_count ORDER BY week_start
				""")
			.query((rs, n) -> new TierTrend.Week(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
		return new TierTrend(weeks);
	}

}
