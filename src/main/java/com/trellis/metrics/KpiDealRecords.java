package com.trellis.metrics;

import java.util.List;

import com.trellis.shared.ReportingCurrency;

/**
 * The SQL of the deal drill-downs of {@link KpiRecords} that read at most {@code :limit}
 * rows of each group of their order (the rows up to the page's end), so a page of the
 * program's records never sorts the whole period's or the whole open pipeline's deals
 * (V187). Each statement first picks the keys of the page's rows (deal id, the group's
 * side and counted flag, the sort key) from index walks, one per group of the order
 * (counted or not, partner or direct), each stopping at {@code :limit} rows; then cuts
 * the page's rows from them ({@code :offset} on) and joins only those for their labels
 * and values, ordered as before. A slice other than the program starts from its partners
 * (a PAM's book: a few hundred deals, sorted whole). Every row, side, value and position
 * equals the former statement that sorted all rows (the deal id breaking ties the former
 * order left open); {@code KpiRecordsPageTests} compares them.
 */
final class KpiDealRecords {

	/** Open now: the pipeline's denominator. */
	static final String OPEN = "o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";

	/** A deal's value in the reporting currency, null when its amount is unknown. */
	private static final String AMOUNT = "CASE WHEN o.amount_unknown THEN NULL ELSE " + ReportingCurrency.DEAL_AMOUNT
			+ " END";

	private static final String HAS_RATE = "o.currency IN (SELECT r.currency FROM exchange_rate r)";

	private KpiDealRecords() {
	}

	/**
	 * A comparison KPI's records: the slice's partner deals ({@code partnerSide} and of a
	 * slice partner), then the whole program's direct deals, each side counted first (for
	 * each of {@code groups}: the deals of {@code closed} marked {@code counted}), in
	 * close order; every deal with a rate for its currency.
	 * @param groups pairs of SQL: a condition on the deal's stage and close moment, and
	 * whether those deals are counted ({@code TRUE}/{@code FALSE})
	 * @param sliceOnly without the direct deals (a partner user's records), left out
	 * before the limit
	 */
	static String compared(List<String[]> groups, String partnerSide, String value, Slice slice, boolean sliceOnly) {
		var keys = new StringBuilder();
		for (var group : groups) {
			var partner = KpiSql.program(slice)
					? "SELECT o.id, o.closed_at, 'partner' AS side, %2$s AS counted FROM opportunity o WHERE %1$s AND o.partner_id IS NOT NULL AND %3$s AND %4$s"
					: "SELECT o.id, o.closed_at, 'partner' AS side, %2$s AS counted FROM partner p JOIN opportunity o ON o.partner_id = p.id WHERE %1$s AND %3$s AND %4$s AND %5$s";
			union(keys, partner.formatted(group[0], group[1], partnerSide, HAS_RATE, slice.predicate())
					+ " ORDER BY o.closed_at, o.id LIMIT :limit");
			if (sliceOnly) {
				continue;
			}
			union(keys,
					"SELECT o.id, o.closed_at, 'direct' AS side, %2$s AS counted FROM opportunity o WHERE %1$s AND o.partner_id IS NULL AND %3$s"
						.formatted(group[0], group[1], HAS_RATE) + " ORDER BY o.closed_at, o.id LIMIT :limit");
		}
		return """
				WITH k AS (SELECT * FROM (%s) g ORDER BY g.side DESC, g.counted DESC, g.closed_at, g.id
				           OFFSET :offset LIMIT :limit - :offset)
				SELECT 'deal' AS kind, o.id, k.side, o.name AS label, %s AS value, k.counted
				FROM k JOIN opportunity o ON o.id = k.id JOIN exchange_rate fx ON fx.currency = o.currency
				ORDER BY k.side DESC, k.counted DESC, k.closed_at, k.id
				""".formatted(keys, value);
	}

	/**
	 * The records of a share of the whole program's open pipeline: every open deal with a
	 * rate, {@code counted} those of the slice's partners credited as {@code credit} (SQL
	 * over {@code o}), those first, each group by value, largest first, unknown amounts
	 * last, then by id. With {@code sliceOnly} (a partner user's records) only the
	 * slice's partners' deals, left out before the limit.
	 */
	static String pipeline(String credit, Slice slice, boolean sliceOnly) {
		var keys = new StringBuilder();
		if (KpiSql.program(slice)) {
			union(keys, byValue(credit, "TRUE"));
			union(keys, byValue("(" + credit + ") IS NOT TRUE", "FALSE"));
		}
		else {
			union(keys, """
					SELECT o.id, %s AS value, TRUE AS counted FROM partner p JOIN opportunity o ON o.partner_id = p.id
					JOIN exchange_rate fx ON fx.currency = o.currency WHERE %s AND %s AND %s
					ORDER BY value DESC NULLS LAST, o.id LIMIT :limit""".formatted(AMOUNT, OPEN, credit,
					slice.predicate()));
			union(keys,
					sliceOnly
							? """
									SELECT o.id, %s AS value, FALSE AS counted FROM partner p JOIN opportunity o ON o.partner_id = p.id
									JOIN exchange_rate fx ON fx.currency = o.currency WHERE %s AND (%s) IS NOT TRUE AND %s
									ORDER BY value DESC NULLS LAST, o.id LIMIT :limit"""
								.formatted(AMOUNT, OPEN, credit, slice.predicate())
							: byValue("(" + credit + " AND " + inSlice(slice) + ") IS NOT TRUE", "FALSE"));
		}
		return shareRows(keys, "k.value", "k.counted DESC, k.value DESC NULLS LAST, k.id", slice);
	}

	/**
	 * How many records {@link #pipeline} has, up to {@code :limit}: each group's deals
	 * counted up to {@code :limit} in no order (the page's count; ordering them by value
	 * per currency, as the records are, cost 17.8 ms of a KPI page's 26 ms on the large
	 * data).
	 */
	static String pipelineCount(String credit, Slice slice, boolean sliceOnly) {
		var groups = new StringBuilder();
		var open = OPEN + " AND " + HAS_RATE;
		if (KpiSql.program(slice)) {
			union(groups, "SELECT 1 FROM opportunity o WHERE %s AND %s LIMIT :limit".formatted(open, credit));
			union(groups,
					"SELECT 1 FROM opportunity o WHERE %s AND (%s) IS NOT TRUE LIMIT :limit".formatted(open, credit));
		}
		else {
			var partners = "SELECT 1 FROM partner p JOIN opportunity o ON o.partner_id = p.id WHERE %s AND %s AND %s LIMIT :limit";
			union(groups, partners.formatted(open, credit, slice.predicate()));
			union(groups,
					sliceOnly ? partners.formatted(open, "(" + credit + ") IS NOT TRUE", slice.predicate())
							: "SELECT 1 FROM opportunity o WHERE %s AND (%s AND %s) IS NOT TRUE LIMIT :limit"
								.formatted(open, credit, inSlice(slice)));
		}
		return "SELECT least(count(*), :limit) FROM (" + groups + ") c";
	}

	/**
	 * How many records {@link #sourcedRevenue} has, up to {@code :limit}, counted in no
	 * order.
	 */
	static String sourcedRevenueCount(Slice slice) {
		return "SELECT count(*) FROM (SELECT 1 " + sourcedWins(slice) + " LIMIT :limit) c";
	}

	/**
	 * The open deals of {@code group} (SQL over {@code o}) with a rate, as keys
	 * {@code (id, value, counted)}, at least the {@code :limit} first by value (largest
	 * first, unknown amounts last, then id): per currency the deals whose value reaches
	 * the value of that currency's {@code :limit}-th largest amount (an amount converts
	 * and rounds monotonically, so these hold its first {@code :limit} by value, equal
	 * values included), through {@code opportunity_open_value_idx} (the second walk kept
	 * per currency by {@code OFFSET 0}, else planned as one join over every open deal);
	 * the unknown amounts by id ({@code opportunity_open_unknown_idx}).
	 */
	private static String byValue(String group, String counted) {
		var bound = ReportingCurrency.converted("b.amount", "fx.to_reporting");
		return """
				(SELECT v.id, v.value, %2$s AS counted FROM exchange_rate fx
				 CROSS JOIN LATERAL (SELECT min(t.amount) AS amount FROM (SELECT o.amount FROM opportunity o
				     WHERE %3$s AND NOT o.amount_unknown AND o.currency = fx.currency AND %1$s
				     ORDER BY o.amount DESC LIMIT :limit) t) b
				 CROSS JOIN LATERAL (SELECT o.id, %4$s AS value FROM opportunity o
				     WHERE %3$s AND NOT o.amount_unknown AND o.currency = fx.currency AND %1$s
				       AND o.amount >= (%5$s - 0.005) / fx.to_reporting - 0.0001 AND %4$s >= %5$s OFFSET 0) v
				 ORDER BY v.value DESC, v.id LIMIT :limit)
				UNION ALL
				(SELECT o.id, NULL, %2$s FROM opportunity o WHERE %3$s AND o.amount_unknown AND %6$s AND %1$s
				 ORDER BY o.id LIMIT :limit)""".formatted(group, counted, OPEN, ReportingCurrency.DEAL_AMOUNT, bound,
				HAS_RATE);
	}

	/**
	 * The records of the co-sell share: every deal created in the period, {@code counted}
	 * those of the slice's partners with co-sell credit, those first, each group in
	 * creation order. With {@code sliceOnly} (a partner user's records) only the slice's
	 * partners' deals, left out before the limit.
	 */
	static String coSell(Slice slice, boolean sliceOnly) {
		var created = "o.created_at >= :from AND o.created_at < :to";
		var credit = "o.credit_type = 'CO_SELL'";
		var keys = new StringBuilder();
		if (KpiSql.program(slice)) {
			union(keys, "SELECT o.id, o.created_at, TRUE AS counted FROM opportunity o WHERE %s AND %s"
				.formatted(created, credit) + " ORDER BY o.created_at, o.id LIMIT :limit");
			union(keys, "SELECT o.id, o.created_at, FALSE AS counted FROM opportunity o WHERE %s AND (%s) IS NOT TRUE"
				.formatted(created, credit) + " ORDER BY o.created_at, o.id LIMIT :limit");
		}
		else {
			union(keys, """
					SELECT o.id, o.created_at, TRUE AS counted FROM partner p JOIN opportunity o ON o.partner_id = p.id
					WHERE %s AND %s AND %s ORDER BY o.created_at, o.id LIMIT :limit""".formatted(created, credit,
					slice.predicate()));
			union(keys, sliceOnly
					? """
							SELECT o.id, o.created_at, FALSE AS counted FROM partner p JOIN opportunity o ON o.partner_id = p.id
							WHERE %s AND (%s) IS NOT TRUE AND %s ORDER BY o.created_at, o.id LIMIT :limit"""
						.formatted(created, credit, slice.predicate())
					: "SELECT o.id, o.created_at, FALSE AS counted FROM opportunity o WHERE %s AND (%s AND %s) IS NOT TRUE"
						.formatted(created, credit, inSlice(slice)) + " ORDER BY o.created_at, o.id LIMIT :limit");
		}
		return shareRows(keys, "NULL", "k.counted DESC, k.created_at, k.id", slice);
	}

	/**
	 * The partner-sourced wins of the period of the slice's partners with a rate, by
	 * value (unknown amounts first, as a descending order puts nulls), then id.
	 */
	static String sourcedRevenue(Slice slice) {
		return """
				WITH k AS (SELECT o.id, %s AS value %s
				           ORDER BY value DESC, o.id OFFSET :offset LIMIT :limit - :offset)
				SELECT 'deal' AS kind, o.id, 'partner' AS side, o.name AS label, k.value, TRUE AS counted
				FROM k JOIN opportunity o ON o.id = k.id ORDER BY k.value DESC, k.id
				""".formatted(AMOUNT, sourcedWins(slice));
	}

	/**
	 * FROM and WHERE of the period's partner-sourced wins of the slice's partners with a
	 * rate, the deal aliased {@code o}.
	 */
	private static String sourcedWins(Slice slice) {
		var from = KpiSql.program(slice) ? "opportunity o" : "partner p JOIN opportunity o ON o.partner_id = p.id";
		return """
				FROM %s JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to
				  AND o.credit_type = 'SOURCED' AND %s""".formatted(from, slice.predicate());
	}

	/** SQL over {@code o}: the deal is of a partner of the slice. */
	private static String inSlice(Slice slice) {
		return "EXISTS (SELECT 1 FROM partner p WHERE p.id = o.partner_id AND " + slice.predicate() + ")";
	}

	/**
	 * A program share's page from its keys {@code g}, ordered by {@code order} over
	 * {@code k} and cut before any deal is read: side {@code partner} for a deal of the
	 * slice's partners, {@code other} for another partner's, {@code direct} without a
	 * partner (the program's: every partner's deal is its own).
	 */
	private static String shareRows(StringBuilder keys, String value, String order, Slice slice) {
		var program = KpiSql.program(slice);
		return """
				WITH k AS (SELECT * FROM (%s) k ORDER BY %s OFFSET :offset LIMIT :limit - :offset)
				SELECT 'deal' AS kind, o.id,
				       CASE WHEN o.partner_id IS NULL THEN 'direct' WHEN %s THEN 'other' ELSE 'partner' END AS side,
				       o.name AS label, %s AS value, k.counted
				FROM k JOIN opportunity o ON o.id = k.id %s
				ORDER BY %s
				""".formatted(keys, order, program ? "FALSE" : "p.id IS NULL", value,
				program ? "" : "LEFT JOIN partner p ON p.id = o.partner_id AND " + slice.predicate(), order);
	}

	private static void union(StringBuilder keys, String select) {
		if (!keys.isEmpty()) {
			keys.append("\nUNION ALL\n");
		}
		keys.append(select.startsWith("(") ? select : "(" + select + ")");
	}

}
