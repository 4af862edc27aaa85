package com.trellis.facts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ROI page's kept facts (V131) and the same rows recomputed, written independently of
 * the triggers: each partner's months ({@code partner_month_fact}) as the day facts
 * summed per calendar month, as {@code month|partner|created|created reporting|won|won
 * reporting}; the closes ({@code roi_close_fact}) from the closed deals joined to their
 * accounts, per business month of the close ({@code fact_setting.zone}), industry
 * ({@code ''} without one) and partner (0 for a direct deal), as
 * {@code month|industry|partner|closed|won}. Amounts without trailing zeros.
 */
public final class RoiFactRows {

	private RoiFactRows() {
	}

	public static List<String> keptMonths(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws('|', month, partner_id, created_count, trim_scale(created_reporting), won_count,
				                 trim_scale(won_reporting))
				FROM partner_month_fact ORDER BY month, partner_id
				""").query(String.class).list();
	}

	public static List<String> recomputedMonths(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws('|', month, partner_id, cc, trim_scale(cr), wc, trim_scale(wr)) FROM (
				  SELECT CAST(date_trunc('month', day) AS DATE) AS month, partner_id, sum(created_count) AS cc,
				         sum(created_reporting) AS cr, sum(won_count) AS wc, sum(won_reporting) AS wr
				  FROM partner_day_fact WHERE partner_id <> 0 GROUP BY 1, 2) m
				WHERE (cc, cr, wc, wr) <> (0, 0, 0, 0)
				ORDER BY month, partner_id
				""").query(String.class).list();
	}

	public static List<String> keptCloses(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws('|', month, industry, partner_id, closed, won) FROM roi_close_fact
				ORDER BY month, industry, partner_id
				""").query(String.class).list();
	}

	public static List<String> recomputedCloses(JdbcClient jdbc) {
		return jdbc
			.sql("""
					SELECT concat_ws('|', month, industry, partner_id, closed, won) FROM (
					  SELECT CAST(date_trunc('month', o.closed_at AT TIME ZONE z.zone) AS DATE) AS month,
					         coalesce(a.industry, '') AS industry, coalesce(o.partner_id, 0) AS partner_id, count(*) AS closed,
					         count(*) FILTER (WHERE o.stage = 'CLOSED_WON') AS won
					  FROM opportunity o JOIN account a ON a.id = o.account_id CROSS JOIN fact_setting z
					  WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at IS NOT NULL
					  GROUP BY 1, 2, 3) c
					ORDER BY month, industry, partner_id
					""")
			.query(String.class)
			.list();
	}

}
