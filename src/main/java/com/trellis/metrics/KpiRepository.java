package com.trellis.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.Reporting;
import com.trellis.shared.Percent;
import com.trellis.shared.CountingWins;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind each KPI. Amounts are converted into the reporting currency with
 * {@code exchange_rate}; deals in a currency without a rate are left out. Sums and counts
 * over a period read the daily deal facts (module {@code facts}:
 * {@code partner_day_fact}, {@code open_pipeline_fact}), kept with every change to a
 * deal; medians read the period's closed deals only, through their index. Every query
 * binds the period as {@code :from}/{@code :to} (timestamps) and
 * {@code :fromDate}/{@code :toDate}; trailing windows end at {@code :asOf}, the period's
 * end or now while it is still running.
 */
@Repository
class KpiRepository {

	private static final String AMOUNT = ReportingCurrency.DEAL_AMOUNT;

	/** What makes a deal overlap-sourced, said once for its count and its amount. */
	static final String OVERLAP_SOURCED_DEFINITION = "Deals that became overlap-sourced in the period: a partner of the slice was attached to the deal, or asked for co-sell help on it, by the vendor's staff after the partner's overlap with the deal's account (the account on the partner's list) had been shown.";

	private final JdbcClient jdbc;

	private final CountingWins counting;

	KpiRepository(@Reporting JdbcClient jdbc, CountingWins counting) {
		this.jdbc = jdbc;
		this.counting = counting;
	}

	List<Kpi> all(Period period, Slice slice) {
		return some(period, slice, null);
	}

	/**
	 * Only the KPIs whose codes are given (all when null): each one's SQL runs only when
	 * asked for.
	 */
	List<Kpi> some(Period period, Slice slice, java.util.Set<String> codes) {
		var kpis = new ArrayList<Kpi>();
		var s = slice.predicate();
		kpis.add(activated(codes, period, slice));
		kpis.add(pipeline(codes, true, period, slice));
		kpis.add(pipeline(codes, false, period, slice));
		kpis.add(single(codes, "PARTNER_SOURCED_REVENUE", "Partner-sourced revenue",
				"Closed-won amount of deals credited as partner-sourced, closed in the period, in the reporting currency.",
				"MONEY", """
						SELECT COALESCE(sum(f.won_reporting), 0) FROM %s
						JOIN exchange_rate fx ON fx.currency = f.currency
						WHERE f.credit_type = 'SOURCED' AND f.day >= :fromDate AND f.day < :toDate AND %s
						""".formatted(days(slice), partnerOf(slice)), period, slice));
		kpis.add(single(codes, "REGISTRATION_VELOCITY", "Deal registration velocity",
				"Median hours from a registration's submission to its approval (the approved opportunity), for registrations approved in the period.",
				"HOURS",
				"""
						SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
						FROM deal_registration r JOIN partner p ON p.id = r.partner_id
						WHERE r.approved_at >= :from AND r.approved_at < :to AND %s
						"""
					.formatted(s),
				period, slice));
		kpis.add(ratio(codes, "ENABLEMENT_COMPLETION", "Enablement completion rate",
				"Partner users with a track role who, at the end of the period, hold every required item of their track (certifications not expired), as a share of those users.",
				"""
						WITH users AS (SELECT u.id, u.job_role FROM app_user u JOIN partner p ON p.id = u.partner_id
						               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND %s),
						required AS (SELECT DISTINCT t.role FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
						             WHERE i.required)
						SELECT count(*) FILTER (WHERE h.held @> CAST(:asOfDate AS DATE)), count(*)
						FROM users u JOIN required r ON r.role = u.job_role
						LEFT JOIN enablement_held_fact h ON h.user_id = u.id AND h.role = u.job_role
						"""
					.formatted(s),
				period, slice));
		kpis.add(ratio(codes, "ACTIVE_PARTNER_RATE", "Active partner rate",
				"Onboarded partners (not prospect or sunset) with any portal, tool or enablement activity in the 30 days before the period ends, as a share of those partners.",
				"""
						SELECT count(*) FILTER (WHERE CASE WHEN a.last_at IS NULL THEN FALSE
						         WHEN a.last_at < :asOf THEN a.last_at >= :asOfMinus30
						         ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
						           AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) END), count(*)
						FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
						WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND %s
						""".formatted(s), period, slice));
		kpis.add(compared(codes, "WIN_RATE", "Win rate: partner-sourced against direct",
				"Won deals as a share of won plus lost deals closed in the period: deals credited as partner-sourced, against direct deals without a partner (whole program).",
				"PERCENT", "SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0)",
				"f.credit_type = 'SOURCED'", true, period, slice));
		kpis.add(compared(codes, "AVERAGE_DEAL_SIZE", "Average deal size: partner-involved against direct",
				"Average closed-won amount, in the reporting currency, of deals won in the period with a partner on them, against direct deals (whole program).",
				"MONEY", "SELECT sum(f.won_reporting) / NULLIF(sum(f.won_count), 0)", "TRUE", true, period, slice));
		kpis.add(single(codes, "TIME_TO_FIRST_REVENUE", "Time to first revenue",
				"Median days from onboarding to a partner's first closed-won deal (of an amount that counts: above zero and the minimum deal amount), for partners whose first win fell in the period.",
				"DAYS",
				"""
						SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on)
						FROM partner p JOIN (SELECT o.partner_id, min(o.closed_at) AS first_win FROM opportunity o
						                     LEFT JOIN exchange_rate fx ON fx.currency = o.currency
						                     WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
						                       AND o.closed_at >= :from AND o.closed_at < :to AND %s
						                       AND NOT EXISTS (SELECT 1 FROM opportunity e
						                         LEFT JOIN exchange_rate efx ON efx.currency = e.currency
						                         WHERE e.partner_id = o.partner_id AND e.stage = 'CLOSED_WON'
						                           AND e.closed_at < :from AND %s)
						                     GROUP BY o.partner_id) f
						  ON f.partner_id = p.id
						WHERE p.onboarded_on IS NOT NULL AND %s
						"""
					.formatted(this.counting.sql("o.amount", "fx.to_reporting"),
							this.counting.sql("e.amount", "efx.to_reporting"), s),
				period, slice));
		kpis.add(single(codes, "PARTNER_RECRUITMENT", "Partner recruitment", "Partners onboarded in the period.",
				"COUNT",
				"""
						SELECT count(*) FROM partner p WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s
						"""
					.formatted(s),
				period, slice));
		kpis.add(ratio(codes, "CO_SELL_SHARE", "Co-sell opportunity share",
				"Opportunities created in the period that carry co-sell credit (for the slice's partners), as a share of all opportunities created in the period.",
				"""
						SELECT COALESCE(sum(f.created_count) FILTER (WHERE f.credit_type = 'CO_SELL' AND %s), 0),
						       COALESCE(sum(f.created_count), 0)
						FROM %s WHERE f.day >= :fromDate AND f.day < :toDate
						""".formatted(partnerOf(slice), days(slice)), period, slice));
		kpis.add(single(codes, "OVERLAP_SOURCED_DEALS", "Overlap-sourced deals",
				OVERLAP_SOURCED_DEFINITION + " Counted: the deals.", "COUNT", """
						SELECT count(*) FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
						WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
						""".formatted(s), period, slice));
		kpis.add(single(codes, "OVERLAP_SOURCED_PIPELINE", "Overlap-sourced pipeline",
				OVERLAP_SOURCED_DEFINITION
						+ " Summed: the deals' amounts in the reporting currency, whatever their stage now.",
				"MONEY", """
						SELECT COALESCE(sum(%s), 0) FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
						JOIN opportunity o ON o.id = s.opportunity_id JOIN exchange_rate fx ON fx.currency = o.currency
						WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
						""".formatted(AMOUNT, s), period, slice));
		// measured against the forecast module's snapshots in Kpis
		kpis.add(new Kpi("FORECAST_ATTAINMENT", "Forecast attainment", ForecastAttainment.DEFINITION, "PERCENT", null,
				null, null, null));
		kpis.add(compared(codes, "SALES_CYCLE", "Sales cycle: partner-involved against direct",
				"Median days from creation to close of deals won in the period with a partner on them, against direct deals (whole program).",
				"DAYS",
				"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400) FILTER (WHERE o.stage = 'CLOSED_WON')",
				"o.partner_id IS NOT NULL", false, period, slice));
		kpis.removeIf(kpi -> kpi == null || codes != null && !codes.contains(kpi.code()));
		return kpis;
	}

	/**
	 * Partners with a closed-won deal in the 90 days before the period's as-of moment:
	 * the whole days from the daily facts, the partial days at the window's edges from
	 * the deals (see {@link TrailingWindow}).
	 */
	private Kpi activated(java.util.Set<String> codes, Period period, Slice slice) {
		return ratio(codes, "ACTIVATED_PARTNERS", "Activated partners",
				"Onboarded partners (onboarded before the period ends, not prospect or sunset) with a closed-won deal in the 90 days before the period ends, as a share of those partners.",
				"""
						WITH won AS (SELECT f.partner_id FROM partner_day_fact f
						             WHERE f.won_count > 0 AND f.day >= :won90FirstDay AND f.day < :won90UntilDay
						             UNION
						             SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
						               AND (o.closed_at >= :asOfMinus90 AND o.closed_at < :won90WholeFrom
						                    OR o.closed_at >= :won90WholeUntil AND o.closed_at < :asOf))
						SELECT count(*) FILTER (WHERE p.id IN (SELECT partner_id FROM won)), count(*)
						FROM partner p WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND %s
						"""
					.formatted(slice.predicate()),
				period, slice);
	}

	/**
	 * Converted closed-won amount in the period: every deal for the program, the partner
	 * deals of a PAM's book for a PAM slice (the scopes forecast snapshots are taken
	 * for).
	 */
	BigDecimal closedWon(Period period, Slice slice) {
		var scope = slice.kind() == Slice.Kind.PROGRAM ? "TRUE" : partnerOf(slice);
		return bind(this.jdbc.sql("""
				SELECT COALESCE(sum(f.won_reporting), 0) FROM %s
				JOIN exchange_rate fx ON fx.currency = f.currency
				WHERE f.day >= :fromDate AND f.day < :toDate AND %s
				""".formatted(days(slice), scope)), period, slice).query(BigDecimal.class).single();
	}

	private Kpi pipeline(java.util.Set<String> codes, boolean sourced, Period period, Slice slice) {
		if (codes != null && !codes.contains(sourced ? "PIPELINE_SOURCED" : "PIPELINE_INFLUENCED")) {
			return null;
		}
		var credit = sourced ? "f.credit_type = 'SOURCED'" : "f.credit_type IN ('INFLUENCED', 'CO_SELL')";
		var sql = """
				SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE %1$s AND f.partner_id IN (SELECT p.id FROM partner p WHERE %2$s)), 0),
				       COALESCE(sum(f.open_reporting), 0)
				FROM open_pipeline_fact f JOIN exchange_rate fx ON fx.currency = f.currency
				"""
			.formatted(credit, slice.predicate());
		var kpi = ratio(codes, sourced ? "PIPELINE_SOURCED" : "PIPELINE_INFLUENCED",
				sourced ? "Pipeline contribution: partner-sourced" : "Pipeline contribution: partner-influenced",
				"Share of the whole open pipeline (amount in the reporting currency, deals open now) credited as "
						+ (sourced ? "partner-sourced" : "influenced or co-sell") + " to the slice's partners.",
				sql, period, slice);
		return kpi == null ? null : kpi.ofAmounts();
	}

	private Kpi ratio(java.util.Set<String> codes, String code, String name, String definition, String sql,
			Period period, Slice slice) {
		if (codes != null && !codes.contains(code)) {
			return null;
		}
		return bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> {
			var num = rs.getBigDecimal(1);
			var den = rs.getBigDecimal(2);
			var value = Percent.of(num, den);
			return new Kpi(code, name, definition, "PERCENT", value, null, scale(num), scale(den));
		}).single();
	}

	private Kpi single(java.util.Set<String> codes, String code, String name, String definition, String unit,
			String sql, Period period, Slice slice) {
		if (codes != null && !codes.contains(code)) {
			return null;
		}
		var value = bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> rs.getBigDecimal(1)).list().get(0);
		return new Kpi(code, name, definition, unit, figure(unit, value), null, null, null);
	}

	/**
	 * A figure of the slice's partner deals against direct deals over the period's closed
	 * deals: from the daily facts ({@code facts}, SQL over {@code f}) or, for medians,
	 * from the period's closed deals themselves (over {@code o}, read through the
	 * closed-deal index).
	 */
	private Kpi compared(java.util.Set<String> codes, String code, String name, String definition, String unit,
			String select, String partnerSide, boolean facts, Period period, Slice slice) {
		if (codes != null && !codes.contains(code)) {
			return null;
		}
		// one pass over the period's closed deals (or their daily facts): the slice's
		// partner side and the direct deals as two groups (a side without closed deals
		// has no row, so no figure)
		var sides = new java.util.HashMap<String, BigDecimal>();
		var slicePartners = " IN (SELECT p.id FROM partner p WHERE " + slice.predicate() + ")";
		var sql = facts
				? select + ", CASE WHEN " + directOf(slice) + " THEN 'direct' ELSE 'partner' END AS side" + " FROM "
						+ days(slice) + " JOIN exchange_rate fx ON fx.currency = f.currency"
						+ " WHERE f.day >= :fromDate AND f.day < :toDate AND (" + directOf(slice) + " OR " + partnerSide
						+ " AND " + partnerOf(slice) + ") GROUP BY side HAVING sum(f.won_count + f.lost_count) > 0"
				: select + ", CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side"
						+ " FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency"
						// won deals only (the median's filter), through
						// opportunity_won_cycle_idx
						// (V101): a side with lost deals alone has no figure either way
						+ " WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to"
						+ " AND (o.partner_id IS NULL OR " + partnerSide + " AND o.partner_id" + slicePartners
						+ ") GROUP BY side";
		bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> sides.put(rs.getString("side"), rs.getBigDecimal(1)))
			.list();
		var partner = sides.get("partner");
		var direct = sides.get("direct");
		var kpi = new Kpi(code, name, definition, unit, figure(unit, partner), figure(unit, direct), null, null);
		return partner != null ? kpi : new Kpi(code, name, definition, unit, null, figure(unit, direct), null, null,
				kpi.currency(), "no closed deals of the slice's partners in the period");
	}

	/**
	 * The daily deal facts a slice's sums read, as {@code f}: the program's
	 * ({@code program_day_fact}, partners summed, a few rows a day) for the program,
	 * otherwise each partner's ({@code partner_day_fact}). Both have {@code day},
	 * {@code credit_type}, {@code currency} and the same measures.
	 */
	private static String days(Slice slice) {
		return program(slice) ? "program_day_fact f" : "partner_day_fact f";
	}

	/** SQL over {@link #days} rows {@code f}: a deal fact of the slice's partners. */
	private static String partnerOf(Slice slice) {
		return program(slice) ? "f.partner_involved"
				: "f.partner_id IN (SELECT p.id FROM partner p WHERE " + slice.predicate() + ")";
	}

	/** SQL over {@link #days} rows {@code f}: a fact of direct deals. */
	private static String directOf(Slice slice) {
		return program(slice) ? "NOT f.partner_involved" : "f.partner_id = 0";
	}

	private static boolean program(Slice slice) {
		return slice.kind() == Slice.Kind.PROGRAM && slice.book() == null;
	}

	/**
	 * Binds every parameter a KPI, drill-down or funnel query over a period and slice may
	 * use.
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Period period, Slice slice) {
		return spec.param("from", Timestamp.from(period.start()))
			.param("to", Timestamp.from(period.end()))
			.param("fromDate", Date.valueOf(period.from()))
			.param("toDate", Date.valueOf(period.until()))
			.param("sliceValue", slice.value() == null ? "" : slice.value())
			.param("sliceBook", slice.book() == null ? "" : String.valueOf(slice.book()))
			.param("cohortFrom", slice.cohort() == null ? null : Date.valueOf(slice.cohort().start()),
					java.sql.Types.DATE)
			.param("cohortTo", slice.cohort() == null ? null : Date.valueOf(slice.cohort().end()), java.sql.Types.DATE)
			.param("asOf", Timestamp.from(period.asOf()))
			.param("asOfMinus30", Timestamp.from(period.asOfMinusDays(30)))
			.param("asOfMinus90", Timestamp.from(period.asOfMinusDays(90)))
			.param("asOfDate", Date.valueOf(java.time.LocalDate.ofInstant(period.asOf(), period.zone())))
			.param("zone", period.zone().getId())
			.params(won90(period));
	}

	private static Map<String, Object> won90(Period period) {
		var window = TrailingWindow.of(period.asOfMinusDays(90), period.asOf(), period.zone());
		return Map.of("won90FirstDay", Date.valueOf(window.firstDay()), "won90UntilDay",
				Date.valueOf(window.untilDay()), "won90WholeFrom", Timestamp.from(window.wholeFrom()),
				"won90WholeUntil", Timestamp.from(window.wholeUntil()));
	}

	private static BigDecimal scale(BigDecimal value) {
		return value == null ? null : ReportingCurrency.round(value);
	}

	/**
	 * A figure of a unit: an amount, hours or days at two decimals; a percentage at full
	 * precision, rounded once by {@link Kpi} at {@link Percent#SCALE} (never 45.349 to
	 * 45.35 to 45.4).
	 */
	private static BigDecimal figure(String unit, BigDecimal value) {
		return "PERCENT".equals(unit) ? value : scale(value);
	}

}
