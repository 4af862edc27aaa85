package com.trellis.forecast;

import com.trellis.shared.ReportingCurrency;
import com.trellis.tiers.PartnerTiers;

/**
 * The roll-up's CTEs over a scope's own open deals (a PAM's book, a partner, a team, a
 * rep): each open deal with its amount and group, computed once and kept ({@code deal}),
 * then with its expected close ({@code open}, joined to the norms {@code norm}). Reads
 * the open deals through {@code opportunity_open_forecast_idx} (V83) rather than the
 * whole table. SQL over {@code o} and {@code p} for the scope, binding {@code :zone},
 * {@code :today}, {@code :qStart} and {@code :qEnd}.
 */
final class OpenDealsSql {

	/**
	 * {@link ForecastRepository#GROUP} evaluated once per deal: the tier history is
	 * looked up only for partners that have one (joined as {@code tc}), the others are in
	 * their tier now, as {@link ForecastRepository#GROUP} has it.
	 */
	private static final String OPEN_GROUP = "CASE WHEN o.partner_id IS NULL THEN 'DIRECT'"
			+ " WHEN tc.partner_id IS NULL THEN 'PARTNER:' || p.tier ELSE 'PARTNER:' || COALESCE("
			+ PartnerTiers.tierOnSql("o.partner_id", "CAST(o.created_at AT TIME ZONE :zone AS DATE)") + ", p.tier) END";

	private OpenDealsSql() {
	}

	private static String open(String scope) {
		return """
				deal AS MATERIALIZED (
				  SELECT o.id, o.owner_id, o.partner_id, %s AS amount, o.stage, o.stage_entered_at, o.close_date, %s AS grp
				  FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
				  LEFT JOIN (SELECT DISTINCT partner_id FROM tier_change) tc ON tc.partner_id = o.partner_id
				  WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND %s),
				open AS (
				  SELECT o.id, o.owner_id, o.partner_id, o.amount, o.stage, o.grp, %s AS expected
				  FROM deal o JOIN norm n ON n.stage = o.stage AND n.grp = o.grp)
				"""
			.formatted(ReportingCurrency.DEAL_AMOUNT, OPEN_GROUP, scope, ExpectedClose.SQL);
	}

	/**
	 * {@code counted(amount, p, called, in_part, expected)}: the scope's open deals
	 * expected to close from {@code :qStart} to {@code :qEnd}; {@code inPart} over
	 * {@code open}.
	 */
	static String counted(String scope, String inPart) {
		return open(scope) + """
				, counted AS MATERIALIZED (
				  SELECT open.amount, pr.p, fc.opportunity_id IS NOT NULL AS called, %s AS in_part, open.expected
				  FROM open JOIN prob pr ON pr.stage = open.stage AND pr.grp = open.grp
				  LEFT JOIN forecast_call fc ON fc.opportunity_id = open.id
				  WHERE open.expected >= :qStart AND open.expected < :qEnd)
				""".formatted(inPart.replace(OpenPipelineSql.PARTNER_INVOLVED, "open.partner_id IS NOT NULL"));
	}

	/**
	 * {@code top(id, stage, grp, amount, p, called)}: the largest {@code :limit} of them.
	 */
	static String top(String scope) {
		return open(scope) + """
				, top AS (
				  SELECT open.id, open.stage, open.grp, open.amount, pr.p, fc.opportunity_id IS NOT NULL AS called
				  FROM open JOIN prob pr ON pr.stage = open.stage AND pr.grp = open.grp
				  LEFT JOIN forecast_call fc ON fc.opportunity_id = open.id
				  WHERE open.expected >= :qStart AND open.expected < :qEnd
				  ORDER BY open.amount DESC, open.id LIMIT :limit)
				""";
	}

}
