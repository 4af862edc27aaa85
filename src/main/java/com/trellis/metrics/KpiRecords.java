package com.trellis.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.trellis.shared.Reporting;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.InvalidInputException;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
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
 * <p>
 * Each statement reads a stretch of its order: {@code :limit} is the position the rows
 * end before, {@code :offset} the one they start at. Every group of the order is walked
 * up to {@code :limit} only; the rows are cut with {@code OFFSET :offset LIMIT :limit -
 * :offset} before their labels and values are read, so a page of 50 deep in the list
 * reads its keys up to there and builds only its 50 rows.
 */
@Repository
class KpiRecords {

	/**
	 * The most records the API gives in one answer (its default, as many as it gave
	 * before it was paged).
	 */
	static final int LIMIT = 1000;

	/** Rows the CSV export fetches per round trip. */
	static final int FETCH = 1000;

	private static final String ONBOARDED = "p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')";

	private static final String WON_IN_PERIOD = "o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to";

	private static final String FX = " JOIN exchange_rate fx ON fx.currency = o.currency";

	/** The deals a partner-sourced pipeline share counts (SQL over {@code o}). */
	private static final String SOURCED_CREDIT = "o.credit_type = 'SOURCED'";

	/** The deals a partner-influenced pipeline share counts (SQL over {@code o}). */
	private static final String INFLUENCED_CREDIT = "o.credit_type IN ('INFLUENCED', 'CO_SELL')";

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

	/** The kind of a partner's record of a deal it may not open (no link to it). */
	static final String DEAL_NOT_OPEN = "deal-not-open";

	/**
	 * An overlap-sourced deal as a partner user's records show it: a deal its partner is
	 * on now as any deal (kind {@code deal}, opened from the record); one it is not on
	 * (asked for co-sell help on the vendor's deal, or taken off it since) as kind
	 * {@value #DEAL_NOT_OPEN}, which the partner cannot open, named only as its co-sell
	 * request names it (the deal's name when asked, as the partner's co-sell requests
	 * show it), else label null.
	 */
	private static final String OVERLAP_AS_PARTNER_SEES = """
			CASE WHEN o.partner_id = s.partner_id THEN 'deal' ELSE '%s' END AS kind,
			CASE WHEN o.partner_id = s.partner_id THEN o.name
			     ELSE (SELECT c.deal_name FROM cosell_request c WHERE c.opportunity_id = o.id AND c.partner_id = s.partner_id
			           ORDER BY c.requested_at DESC, c.id DESC LIMIT 1) END AS label"""
		.formatted(DEAL_NOT_OPEN);

	private final JdbcClient jdbc;

	KpiRecords(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first {@code limit} records of {@code code}, as a vendor user reads them. */
	List<Map<String, Object>> of(String code, Period period, Slice slice, int limit) {
		return of(code, period, slice, 0, limit, false);
	}

	/**
	 * The records of {@code code} from position {@code offset} (0: the first) up to, not
	 * including, position {@code end}, in the KPI's order: every group of the order is
	 * walked only up to {@code end} and rows are labelled and valued only from
	 * {@code offset} on. With {@code sliceOnly} only those of the slice's partners (side
	 * {@code partner}), left out before the rows are counted, so a partner user gets its
	 * own deals however many the program has.
	 */
	List<Map<String, Object>> of(String code, Period period, Slice slice, long offset, long end, boolean sliceOnly) {
		return bound(code, period, slice, offset, end, sliceOnly).query(row(code)).list();
	}

	/**
	 * How many records {@code code} has, counted up to {@code upTo} at most (the
	 * statement of {@link #of} whose columns are not read, or for the open pipeline's
	 * shares and the sourced revenue the same rows counted without their order:
	 * {@code Long.MAX_VALUE} counts them all).
	 */
	long count(String code, Period period, Slice slice, long upTo, boolean sliceOnly) {
		var counting = switch (code) {
			// the open pipeline's and the period's wins counted without their order
			case "PIPELINE_SOURCED" -> KpiDealRecords.pipelineCount(SOURCED_CREDIT, slice, sliceOnly);
			case "PIPELINE_INFLUENCED" -> KpiDealRecords.pipelineCount(INFLUENCED_CREDIT, slice, sliceOnly);
			case "PARTNER_SOURCED_REVENUE" -> KpiDealRecords.sourcedRevenueCount(slice);
			default -> "SELECT count(*) FROM (" + sql(code, slice, sliceOnly) + ") r";
		};
		return KpiStatements.bind(this.jdbc.sql(counting), period, slice)
			.param("offset", 0L)
			.param("limit", upTo)
			.query(Long.class)
			.single();
	}

	/**
	 * Every record of {@code code}, in the KPI's order, handed to {@code action} as it is
	 * read: one statement, fetched {@value #FETCH} rows at a time (a cursor within the
	 * caller's transaction; with a read replica the driver reads the answer whole).
	 */
	void each(String code, Period period, Slice slice, boolean sliceOnly, Consumer<Map<String, Object>> action) {
		var mapper = row(code);
		int[] n = { 0 };
		bound(code, period, slice, 0, Long.MAX_VALUE, sliceOnly).withFetchSize(FETCH)
			.query((RowCallbackHandler) rs -> action.accept(mapper.mapRow(rs, n[0]++)));
	}

	/** Refuses, naming {@code code}, a code without records. */
	static void requireCode(String code) {
		sql(code, Slice.PROGRAM, false);
	}

	/**
	 * Whether {@code code} has records to list and export: false for a KPI computed from
	 * something else (forecast attainment, from forecast snapshots), whose page offers
	 * neither.
	 */
	static boolean hasRecords(String code) {
		try {
			requireCode(code);
			return true;
		}
		catch (InvalidInputException ex) {
			return false;
		}
	}

	private JdbcClient.StatementSpec bound(String code, Period period, Slice slice, long offset, long end,
			boolean sliceOnly) {
		return KpiStatements.bind(this.jdbc.sql(sql(code, slice, sliceOnly)), period, slice)
			.param("offset", offset)
			.param("limit", end);
	}

	/**
	 * The statement of {@code code}'s records: {@code :limit} is the position its rows
	 * end before, {@code :offset} the position they start at.
	 */
	private static String sql(String code, Slice slice, boolean sliceOnly) {
		var s = slice.predicate();
		return switch (code) {
			// a probe per partner walked (opportunity_won_partner_idx), not a hash of
			// every win of the window
			case "ACTIVATED_PARTNERS" -> byName(s, """
					(SELECT TRUE FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON'
					 AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf LIMIT 1)""");
			case "PIPELINE_SOURCED" -> KpiDealRecords.pipeline(SOURCED_CREDIT, slice, sliceOnly);
			case "PIPELINE_INFLUENCED" -> KpiDealRecords.pipeline(INFLUENCED_CREDIT, slice, sliceOnly);
			case "PARTNER_SOURCED_REVENUE" -> KpiDealRecords.sourcedRevenue(slice);
			case "REGISTRATION_VELOCITY" -> registrationVelocity(slice);
			case "ENABLEMENT_COMPLETION" -> KpiEnablementRecords.sql(slice);
			// the partner's latest activity (partner_activity_fact) answers without its
			// events unless it lies at or after the as-of moment (a past period)
			case "ACTIVE_PARTNER_RATE" -> byName(s, """
					(SELECT CASE WHEN a.last_at < :asOf THEN a.last_at >= :asOfMinus30
					        ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
					                     AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) END
					 FROM partner_activity_fact a WHERE a.partner_id = p.id)""");
			case "WIN_RATE" -> KpiDealRecords.compared(List.of(new String[] { WON_IN_PERIOD, "TRUE" },
					new String[] { "o.stage = 'CLOSED_LOST' AND o.closed_at >= :from AND o.closed_at < :to", "FALSE" }),
					"o.credit_type = 'SOURCED'", AMOUNT, slice, sliceOnly);
			case "AVERAGE_DEAL_SIZE" ->
				KpiDealRecords.compared(List.<String[]>of(new String[] { WON_IN_PERIOD, "TRUE" }),
						"o.partner_id IS NOT NULL", AMOUNT, slice, sliceOnly);
			case "SALES_CYCLE" -> KpiDealRecords.compared(List.<String[]>of(new String[] { WON_IN_PERIOD, "TRUE" }),
					"o.partner_id IS NOT NULL", "extract(epoch FROM o.closed_at - o.created_at) / 86400", slice,
					sliceOnly);
			case "TIME_TO_FIRST_REVENUE" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label,
					       CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on AS value, TRUE AS counted
					FROM %s
					WHERE p.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to AND %s
					ORDER BY value, p.id OFFSET :offset LIMIT :limit - :offset
					"""
				.formatted(KpiSql.program(slice) ? "partner_first_win_fact f JOIN partner p ON p.id = f.partner_id"
						: "partner p JOIN partner_first_win_fact f ON f.partner_id = p.id", s);
			case "PARTNER_RECRUITMENT" -> """
					SELECT 'partner' AS kind, p.id, 'partner' AS side, p.name AS label, NULL AS value, TRUE AS counted
					FROM partner p WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s
					ORDER BY p.onboarded_on, p.id OFFSET :offset LIMIT :limit - :offset
					""".formatted(s);
			case "CO_SELL_SHARE" -> KpiDealRecords.coSell(slice, sliceOnly);
			case "OVERLAP_SOURCED_DEALS", "OVERLAP_SOURCED_PIPELINE" -> """
					SELECT %s, o.id, 'partner' AS side, %s AS value, TRUE AS counted
					FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
					JOIN opportunity o ON o.id = s.opportunity_id %s
					WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s ORDER BY value DESC NULLS LAST, o.id
					OFFSET :offset LIMIT :limit - :offset
					""".formatted(sliceOnly ? OVERLAP_AS_PARTNER_SEES : "'deal' AS kind, o.name AS label", AMOUNT, FX,
					s);
			default -> throw InvalidInputException.of("code", "no drill-down for " + code);
		};
	}

	/**
	 * A record as a map: kind, id, side, label, value, currency, counted, amountUnknown.
	 */
	private static RowMapper<Map<String, Object>> row(String code) {
		return (rs, n) -> {
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
			row.put("amountUnknown",
					AMOUNTS.contains(code) && rs.getString("kind").startsWith("deal") && value == null);
			return row;
		};
	}

	/**
	 * Partners onboarded by the as-of day (not prospect or sunset) of the slice, those
	 * for which {@code counted} (SQL over {@code p}) holds first, each group by name then
	 * id: each group walked in name order ({@code partner_name_id_idx}, V187) and cut at
	 * {@code :limit}, so the program's page probes a few thousand partners, not 40,000.
	 */
	private static String byName(String slice, String counted) {
		return """
				WITH k AS ((SELECT p.id, p.name, TRUE AS counted FROM partner p WHERE %1$s AND %2$s AND (%3$s) IS TRUE
				            ORDER BY p.name, p.id LIMIT :limit)
				           UNION ALL
				           (SELECT p.id, p.name, FALSE AS counted FROM partner p WHERE %1$s AND %2$s AND (%3$s) IS NOT TRUE
				            ORDER BY p.name, p.id LIMIT :limit))
				SELECT 'partner' AS kind, k.id, 'partner' AS side, k.name AS label, NULL AS value, k.counted
				FROM k ORDER BY k.counted DESC, k.name, k.id OFFSET :offset LIMIT :limit - :offset
				"""
			.formatted(ONBOARDED, slice, counted);
	}

	/**
	 * Registrations approved in the period, quickest first (then id): the program's
	 * walked in decision-hour order ({@code deal_registration_decision_hour_idx}, V130)
	 * up to {@code :limit}, a slice's read partner by partner and sorted.
	 */
	private static String registrationVelocity(Slice slice) {
		var keys = KpiSql.program(slice) ? """
				SELECT d.id, extract(epoch FROM d.approved_at - d.submitted_at) / 3600 AS value FROM deal_registration d
				WHERE d.approved_at IS NOT NULL AND d.approved_at >= :from AND d.approved_at < :to
				ORDER BY facts_decision_hour(d.submitted_at, d.approved_at), value, d.id LIMIT :limit""" : """
				SELECT d.id, extract(epoch FROM d.approved_at - d.submitted_at) / 3600 AS value
				FROM partner p JOIN deal_registration d ON d.partner_id = p.id
				WHERE d.approved_at >= :from AND d.approved_at < :to AND %s
				ORDER BY value, d.id LIMIT :limit""".formatted(slice.predicate());
		return """
				SELECT 'registration' AS kind, r.id, 'partner' AS side, r.customer_name || ' (' || p.name || ')' AS label,
				       k.value, TRUE AS counted
				FROM (SELECT * FROM (%s) k ORDER BY k.value, k.id OFFSET :offset LIMIT :limit - :offset) k
				JOIN deal_registration r ON r.id = k.id JOIN partner p ON p.id = r.partner_id
				ORDER BY k.value, k.id
				"""
			.formatted(keys);
	}

}
