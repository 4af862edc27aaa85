package com.trellis.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.Reporting;
import com.trellis.shared.CountingWins;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The drill-down behind each KPI: exactly the records its SQL counts, with the same
 * conditions as {@link KpiRepository}. For a ratio every record of the denominator is
 * listed and {@code counted} says whether it is in the numerator (a share of the whole
 * program's deals lists every deal of the program, {@code side} {@code partner},
 * {@code other} or {@code direct}); for a comparison with direct deals both sides are
 * listed, told apart by {@code side}. A deal of an amount drill-down whose amount is
 * unknown (V124) has {@code value} null and {@code amountUnknown} true (false on every
 * other record).
 */
@Repository
class KpiRecords {

	static final int LIMIT = 1000;

	private static final String ONBOARDED = "p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')";

	private static final String CLOSED_IN_PERIOD = "o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at >= :from AND o.closed_at < :to";

	private static final String WON_IN_PERIOD = "o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to";

	private static final String FX = " JOIN exchange_rate fx ON fx.currency = o.currency";

	/** The drill-downs whose values are amounts in the reporting currency. */
	private static final java.util.Set<String> AMOUNTS = java.util.Set.of("PIPELINE_SOURCED", "PIPELINE_INFLUENCED",
			"PARTNER_SOURCED_REVENUE", "WIN_RATE", "AVERAGE_DEAL_SIZE", "OVERLAP_SOURCED_DEALS",
			"OVERLAP_SOURCED_PIPELINE");

	/**
	 * A deal's value in the reporting currency; null when its amount is unknown (V124),
	 * so the record says so instead of 0.
	 */
	private static final String AMOUNT = "CASE WHEN o.amount_unknown THEN NULL ELSE " + ReportingCurrency.DEAL_AMOUNT
			+ " END";

	private final JdbcClient jdbc;

	private final CountingWins counting;

	KpiRecords(@Reporting JdbcClient jdbc, CountingWins counting) {
		this.jdbc = jdbc;
		this.counting = counting;
	}

	List<Map<String, Object>> of(String code, Period period, Slice slice) {
		return of(code, period, slice, false);
	}

	/**
	 * The records of {@code code}; with {@code sliceOnly} only those of the slice's
	 * partners (side {@code partner}), left out before the {@link #LIMIT} applies, so a
	 * partner user gets its own deals however many the program has.
	 */
	List<Map<String, Object>> of(String code, Period period, Slice slice, boolean sliceOnly) {
		var s = slice.predicate();
		String sql = switch (code) {
			case "ACTIVATED_PARTNERS" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value,
					       EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON'
					               AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf) AS counted
					FROM partner p WHERE %s AND %s ORDER BY counted DESC, p.name
					""".formatted(ONBOARDED, s);
			case "PIPELINE_SOURCED", "PIPELINE_INFLUENCED" ->
				programShare(AMOUNT + " AS value", FX, "o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')",
						"PIPELINE_SOURCED".equals(code) ? "o.credit_type = 'SOURCED'"
								: "o.credit_type IN ('INFLUENCED', 'CO_SELL')",
						"value DESC NULLS LAST, o.id", s, sliceOnly);
			case "PARTNER_SOURCED_REVENUE" -> """
					SELECT 'deal' AS kind, o.id, 'partner' AS side, o.name AS label, %s AS value, TRUE AS counted
					FROM opportunity o %s JOIN partner p ON p.id = o.partner_id
					WHERE %s AND o.credit_type = 'SOURCED' AND %s ORDER BY value DESC
					""".formatted(AMOUNT, FX, WON_IN_PERIOD, s);
			case "REGISTRATION_VELOCITY" ->
				"""
						SELECT 'registration' AS kind, r.id, 'partner' AS side, r.customer_name || ' (' || p.name || ')' AS label,
						       extract(epoch FROM r.approved_at - r.submitted_at) / 3600 AS value, TRUE AS counted
						FROM deal_registration r JOIN partner p ON p.id = r.partner_id
						WHERE r.approved_at >= :from AND r.approved_at < :to AND %s ORDER BY value
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
						ORDER BY counted DESC, label
						"""
					.formatted(s);
			case "ACTIVE_PARTNER_RATE" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value,
					       EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
					               AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) AS counted
					FROM partner p WHERE %s AND %s ORDER BY counted DESC, p.name
					""".formatted(ONBOARDED, s);
			case "WIN_RATE" ->
				compared(CLOSED_IN_PERIOD, "o.credit_type = 'SOURCED'", AMOUNT, "o.stage = 'CLOSED_WON'", s, sliceOnly);
			case "AVERAGE_DEAL_SIZE" ->
				compared(WON_IN_PERIOD, "o.partner_id IS NOT NULL", AMOUNT, "TRUE", s, sliceOnly);
			case "SALES_CYCLE" -> compared(WON_IN_PERIOD, "o.partner_id IS NOT NULL",
					"extract(epoch FROM o.closed_at - o.created_at) / 86400", "TRUE", s, sliceOnly);
			case "TIME_TO_FIRST_REVENUE" ->
				"""
						SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label,
						       CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on AS value, TRUE AS counted
						FROM partner p JOIN (SELECT o.partner_id, min(o.closed_at) AS first_win FROM opportunity o
						                     LEFT JOIN exchange_rate fx ON fx.currency = o.currency
						                     WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND %s
						                     GROUP BY o.partner_id) f
						  ON f.partner_id = p.id
						WHERE p.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to AND %s ORDER BY value
						"""
					.formatted(this.counting.sql("o.amount", "fx.to_reporting"), s);
			case "PARTNER_RECRUITMENT" ->
				"""
						SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value, TRUE AS counted
						FROM partner p WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s ORDER BY p.onboarded_on
						"""
					.formatted(s);
			case "CO_SELL_SHARE" -> programShare("NULL AS value", "", "o.created_at >= :from AND o.created_at < :to",
					"o.credit_type = 'CO_SELL'", "o.created_at, o.id", s, sliceOnly);
			case "OVERLAP_SOURCED_DEALS", "OVERLAP_SOURCED_PIPELINE" -> """
					SELECT 'deal' AS kind, o.id, 'partner' AS side, o.name AS label, %s AS value, TRUE AS counted
					FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
					JOIN opportunity o ON o.id = s.opportunity_id %s
					WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s ORDER BY value DESC NULLS LAST, o.id
					""".formatted(AMOUNT, FX, s);
			default -> throw InvalidInputException.of("code", "no drill-down for " + code);
		};
		return KpiRepository.bind(this.jdbc.sql(sql + " LIMIT " + LIMIT), period, slice).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", rs.getString("kind"));
			row.put("id", rs.getLong("id"));
			row.put("side", rs.getString("side"));
			row.put("label", rs.getString("label"));
			var value = rs.getBigDecimal("value");
			row.put("value", value == null ? null : ReportingCurrency.round(value));
			row.put("currency", AMOUNTS.contains(code) ? ReportingCurrency.CODE : null);
			row.put("counted", rs.getBoolean("counted"));
			// a deal of an amount drill-down without a value: its amount is unknown
			row.put("amountUnknown", AMOUNTS.contains(code) && "deal".equals(rs.getString("kind")) && value == null);
			return row;
		}).list();
	}

	/**
	 * The records of a share of the whole program's deals (pipeline contribution, co-sell
	 * share): every deal of the denominator, direct and of any partner, with
	 * {@code counted} for those of the numerator (the slice's partners' deals that meet
	 * {@code numerator}), those first. {@code side} is {@code partner} for a deal of the
	 * slice's partners, {@code other} for another partner's and {@code direct} for one
	 * without a partner.
	 */
	private static String programShare(String value, String join, String denominator, String numerator, String order,
			String slice, boolean sliceOnly) {
		return """
				SELECT 'deal' AS kind, o.id,
				       CASE WHEN o.partner_id IS NULL THEN 'direct' WHEN sp.id IS NULL THEN 'other' ELSE 'partner' END AS side,
				       o.name AS label, %s, COALESCE(sp.id IS NOT NULL AND %s, FALSE) AS counted
				FROM opportunity o %s LEFT JOIN (SELECT p.id FROM partner p WHERE %s) sp ON sp.id = o.partner_id
				WHERE %s%s
				ORDER BY counted DESC, %s
				"""
			.formatted(value, numerator, join, slice, denominator, sliceOnly ? " AND sp.id IS NOT NULL" : "", order);
	}

	/**
	 * The slice's partner deals of a comparison KPI, then the direct deals it is compared
	 * with.
	 */
	private static String compared(String closed, String partnerSide, String value, String counted, String slice,
			boolean sliceOnly) {
		return """
				SELECT 'deal' AS kind, o.id, CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side,
				       o.name AS label, %s AS value, %s AS counted
				FROM opportunity o %s
				WHERE %s AND (%s %s AND o.partner_id IN (SELECT p.id FROM partner p WHERE %s))
				ORDER BY side DESC, counted DESC, o.closed_at
				""".formatted(value, counted, FX, closed, sliceOnly ? "" : "o.partner_id IS NULL OR", partnerSide,
				slice);
	}

}
