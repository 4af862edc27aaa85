package com.trellis.metrics;

import java.util.List;

import com.trellis.shared.CountingWins;
import com.trellis.shared.ReportingCurrency;

/**
 * The drill-downs' former SQL (before V187), which sorted every record of a KPI and cut
 * the list at {@code :limit}: the reference {@link KpiRecordsPageTests} compares the
 * page-reading statements with. The only change: the record's id ends each order, where
 * the former order left ties open (the same close moment, value or name).
 */
final class KpiRecordsPageReference {

	static final List<String> CODES = List.of("ACTIVATED_PARTNERS", "PIPELINE_SOURCED", "PIPELINE_INFLUENCED",
			"PARTNER_SOURCED_REVENUE", "REGISTRATION_VELOCITY", "ENABLEMENT_COMPLETION", "ACTIVE_PARTNER_RATE",
			"WIN_RATE", "AVERAGE_DEAL_SIZE", "SALES_CYCLE", "TIME_TO_FIRST_REVENUE", "PARTNER_RECRUITMENT",
			"CO_SELL_SHARE");

	private static final String ONBOARDED = "p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')";

	private static final String CLOSED_IN_PERIOD = "o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at >= :from AND o.closed_at < :to";

	private static final String WON_IN_PERIOD = "o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to";

	private static final String FX = " JOIN exchange_rate fx ON fx.currency = o.currency";

	private static final String AMOUNT = "CASE WHEN o.amount_unknown THEN NULL ELSE " + ReportingCurrency.DEAL_AMOUNT
			+ " END";

	private final CountingWins counting;

	KpiRecordsPageReference(CountingWins counting) {
		this.counting = counting;
	}

	String sql(String code, Slice slice) {
		var s = slice.predicate();
		return switch (code) {
			case "ACTIVATED_PARTNERS" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value,
					       EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON'
					               AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf) AS counted
					FROM partner p WHERE %s AND %s ORDER BY counted DESC, p.name, p.id
					""".formatted(ONBOARDED, s);
			case "PIPELINE_SOURCED",
					"PIPELINE_INFLUENCED" ->
				programShare(AMOUNT + " AS value", FX, "o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')",
						"PIPELINE_SOURCED".equals(code) ? "o.credit_type = 'SOURCED'"
								: "o.credit_type IN ('INFLUENCED', 'CO_SELL')",
						"value DESC NULLS LAST, o.id", s);
			case "PARTNER_SOURCED_REVENUE" -> """
					SELECT 'deal' AS kind, o.id, 'partner' AS side, o.name AS label, %s AS value, TRUE AS counted
					FROM opportunity o %s JOIN partner p ON p.id = o.partner_id
					WHERE %s AND o.credit_type = 'SOURCED' AND %s ORDER BY value DESC, o.id
					""".formatted(AMOUNT, FX, WON_IN_PERIOD, s);
			case "REGISTRATION_VELOCITY" ->
				"""
						SELECT 'registration' AS kind, r.id, 'partner' AS side, r.customer_name || ' (' || p.name || ')' AS label,
						       extract(epoch FROM r.approved_at - r.submitted_at) / 3600 AS value, TRUE AS counted
						FROM deal_registration r JOIN partner p ON p.id = r.partner_id
						WHERE r.approved_at >= :from AND r.approved_at < :to AND %s ORDER BY value, r.id
						"""
					.formatted(s);
			case "ENABLEMENT_COMPLETION" ->
				"""
						WITH users AS (SELECT u.id, u.display_name, u.job_role, p.name AS partner FROM app_user u
						               JOIN partner p ON p.id = u.partner_id
						               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND %s),
						required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
						             WHERE i.required GROUP BY t.role),
						done AS (SELECT c.user_id, count(DISTINCT c.item_id) AS n FROM enablement_completion c
						         JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
						         JOIN users u ON u.id = c.user_id AND u.job_role = t.role
						         WHERE i.required AND c.completed_on < :asOfDate AND (c.expires_on IS NULL OR c.expires_on >= :asOfDate)
						         GROUP BY c.user_id)
						SELECT 'user' AS kind, u.id, 'partner' AS side, u.display_name || ' (' || u.partner || ', ' || u.job_role || ')' AS label,
						       COALESCE(d.n, 0) AS value, COALESCE(d.n, 0) = r.n AS counted
						FROM users u JOIN required r ON r.role = u.job_role LEFT JOIN done d ON d.user_id = u.id
						ORDER BY counted DESC, label, u.id
						"""
					.formatted(s);
			case "ACTIVE_PARTNER_RATE" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value,
					       EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
					               AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) AS counted
					FROM partner p WHERE %s AND %s ORDER BY counted DESC, p.name, p.id
					""".formatted(ONBOARDED, s);
			case "WIN_RATE" ->
				compared(CLOSED_IN_PERIOD, "o.credit_type = 'SOURCED'", AMOUNT, "o.stage = 'CLOSED_WON'", s);
			case "AVERAGE_DEAL_SIZE" -> compared(WON_IN_PERIOD, "o.partner_id IS NOT NULL", AMOUNT, "TRUE", s);
			case "SALES_CYCLE" -> compared(WON_IN_PERIOD, "o.partner_id IS NOT NULL",
					"extract(epoch FROM o.closed_at - o.created_at) / 86400", "TRUE", s);
			case "TIME_TO_FIRST_REVENUE" ->
				"""
						SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label,
						       CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on AS value, TRUE AS counted
						FROM partner p JOIN (SELECT o.partner_id, min(o.closed_at) AS first_win FROM opportunity o
						                     LEFT JOIN exchange_rate fx ON fx.currency = o.currency
						                     WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND %s
						                     GROUP BY o.partner_id) f
						  ON f.partner_id = p.id
						WHERE p.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to AND %s ORDER BY value, p.id
						"""
					.formatted(this.counting.sql("o.amount", "fx.to_reporting"), s);
			case "PARTNER_RECRUITMENT" ->
				"""
						SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value, TRUE AS counted
						FROM partner p WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s ORDER BY p.onboarded_on, p.id
						"""
					.formatted(s);
			case "CO_SELL_SHARE" -> programShare("NULL AS value", "", "o.created_at >= :from AND o.created_at < :to",
					"o.credit_type = 'CO_SELL'", "o.created_at, o.id", s);
			default -> throw new IllegalArgumentException(code);
		} + " LIMIT :limit";
	}

	private static String programShare(String value, String join, String denominator, String numerator, String order,
			String slice) {
		return """
				SELECT 'deal' AS kind, o.id,
				       CASE WHEN o.partner_id IS NULL THEN 'direct' WHEN sp.id IS NULL THEN 'other' ELSE 'partner' END AS side,
				       o.name AS label, %s, COALESCE(sp.id IS NOT NULL AND %s, FALSE) AS counted
				FROM opportunity o %s LEFT JOIN (SELECT p.id FROM partner p WHERE %s) sp ON sp.id = o.partner_id
				WHERE %s
				ORDER BY counted DESC, %s
				"""
			.formatted(value, numerator, join, slice, denominator, order);
	}

	private static String compared(String closed, String partnerSide, String value, String counted, String slice) {
		return """
				SELECT 'deal' AS kind, o.id, CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side,
				       o.name AS label, %s AS value, %s AS counted
				FROM opportunity o %s
				WHERE %s AND (o.partner_id IS NULL OR %s AND o.partner_id IN (SELECT p.id FROM partner p WHERE %s))
				ORDER BY side DESC, counted DESC, o.closed_at, o.id
				""".formatted(value, counted, FX, closed, partnerSide, slice);
	}

}
