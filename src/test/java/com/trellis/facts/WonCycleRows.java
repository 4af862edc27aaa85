package com.trellis.facts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sales cycle's kept histogram ({@code won_cycle_fact}, V128) and the same counts
 * recomputed from the won deals, written independently of the triggers: per close day
 * (business day of {@code closed_at}) and per calendar month of it, partner involvement,
 * currency and whole cycle day (the kept slots summed), as
 * {@code month|day|involved|currency|cycle day|count}.
 */
final class WonCycleRows {

	private WonCycleRows() {
	}

	static List<String> kept(JdbcClient jdbc) {
		return jdbc
			.sql("""
					SELECT concat_ws('|', month, day, partner_involved, currency, cycle_day, sum(won_count)) FROM won_cycle_fact
					GROUP BY month, day, partner_involved, currency, cycle_day HAVING sum(won_count) <> 0
					ORDER BY month, day, partner_involved, currency, cycle_day
					""")
			.query(String.class)
			.list();
	}

	static List<String> recomputed(JdbcClient jdbc) {
		return jdbc
			.sql("""
					WITH won AS (
					  SELECT CAST(o.closed_at AT TIME ZONE s.zone AS DATE) AS day, o.partner_id IS NOT NULL AS involved, o.currency,
					         CAST(floor(extract(epoch FROM o.closed_at - o.created_at) / 86400) AS INTEGER) AS cycle_day
					  FROM opportunity o, fact_setting s WHERE o.stage = 'CLOSED_WON' AND o.closed_at IS NOT NULL),
					grains AS (
					  SELECT FALSE AS month, day, involved, currency, cycle_day FROM won
					  UNION ALL
					  SELECT TRUE, CAST(make_date(CAST(extract(year FROM day) AS INT), CAST(extract(month FROM day) AS INT), 1) AS DATE),
					         involved, currency, cycle_day FROM won)
					SELECT concat_ws('|', month, day, involved, currency, cycle_day, count(*)) FROM grains
					GROUP BY month, day, involved, currency, cycle_day ORDER BY month, day, involved, currency, cycle_day
					""")
			.query(String.class)
			.list();
	}

}
