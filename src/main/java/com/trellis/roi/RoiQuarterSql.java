package com.trellis.roi;

import com.trellis.shared.ReportingCurrency;

/**
 * The statements of a quarter's ROI figures per partner ({@link RoiRepository#figures})
 * and of a quarter's total ({@link RoiRepository#total}). Every amount is converted into
 * the reporting currency and rounded once before it is summed; an amount in a currency
 * without an exchange rate is left out. The scope is bound in the SQL: a partner user's
 * own partner, a PAM's book, or the program.
 */
final class RoiQuarterSql {

	/**
	 * The quarter's enablement hours per partner in the scope, from the kept quarter sums
	 * per partner ({@code roi_partner_quarter_fact}, V150: the partner's rows of the kept
	 * hours per calendar month, {@code roi_hours_month_fact} of V143, summed over the
	 * quarter's three months; {@code :fromDay} is the quarter's first day), the same
	 * exact sum the completions grouped per partner gave; a partner without completions
	 * in the quarter has no row.
	 */
	static final String HOURS = """
			    SELECT q.partner_id, q.hours FROM roi_partner_quarter_fact q JOIN scope s ON s.id = q.partner_id
			    WHERE q.quarter = :fromDay AND q.hours_months > 0
			""";

	/**
	 * The cost CTEs shared by the quarter's figures and the page's statements (rate,
	 * hours, paid, spend per partner of {@code scope}); formatted with the same first
	 * five arguments as {@link #figures}.
	 */
	static final String COST_CTES = """
			rate AS (
			    SELECT %4$s AS pam, r.enablement_hour_cost AS hour_cost, efx.to_reporting AS hour_rate
			    FROM roi_cost_rate r JOIN exchange_rate pfx ON pfx.currency = r.pam_currency
			    JOIN exchange_rate efx ON efx.currency = r.enablement_currency
			),
			hours AS (
			""" + HOURS + """
			),
			""" + RoiQuarterSql.paidAndSpend();

	/**
	 * The payouts ({@code paid}: MDF and incentives) and program spend ({@code spend})
	 * per partner of {@code scope} in the quarter, each converted and rounded per item:
	 * the part of {@link #COST_CTES} after the rate and the hours.
	 */
	static String paidAndSpend() {
		return """
				paid AS (
				    SELECT pi.partner_id,
				           sum(%1$s) FILTER (WHERE e.kind = 'MDF_REIMBURSEMENT') AS mdf,
				           sum(%1$s) FILTER (WHERE e.kind <> 'MDF_REIMBURSEMENT') AS incentives
				    FROM payout_item pi JOIN incentive_earning e ON e.id = pi.earning_id
				    JOIN exchange_rate fx ON fx.currency = pi.currency JOIN scope s ON s.id = pi.partner_id
				    WHERE pi.paid_at >= :from AND pi.paid_at < :to GROUP BY pi.partner_id
				),
				spend AS (
				    SELECT sp.partner_id, sum(%2$s) AS spend FROM roi_program_spend sp
				    JOIN exchange_rate fx ON fx.currency = sp.currency JOIN scope s ON s.id = sp.partner_id
				    WHERE sp.spent_on >= :fromDay AND sp.spent_on < :toDay GROUP BY sp.partner_id
				),
				""";
	}

	/**
	 * Each partner's figures: its tier on the day, costs, pipeline and revenue, and (with
	 * {@code LIFT_CTES}) its closes against the direct baseline of their industries.
	 */
	private static final String FIGURES_SQL = """
			WITH scope AS (
			    SELECT p.id, p.name, %6$s AS tier, p.lifecycle_status,
			           CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay ELSE p.created_at < :until END
			             AS existed
			    FROM partner p%10$s
			    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			      AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
			),
			"""
			+ COST_CTES
			+ """
					made AS (%11$s)%7$s
					SELECT s.id, s.name, s.tier, coalesce(h.hours, 0) AS hours,
					       coalesce(%5$s, 0) AS enablement,
					       coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
					       CASE WHEN s.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AND s.existed
					            THEN round(coalesce((SELECT pam FROM rate), 0), %3$s) ELSE 0 END AS pam,
					       coalesce(m.pipeline, 0) AS pipeline, coalesce(m.revenue, 0) AS revenue,
					       %8$s
					FROM scope s LEFT JOIN hours h ON h.partner_id = s.id LEFT JOIN paid pd ON pd.partner_id = s.id
					LEFT JOIN spend sp ON sp.partner_id = s.id LEFT JOIN made m ON m.partner_id = s.id
					%9$s
					ORDER BY s.id
					""";

	/**
	 * The quarter's pipeline created and revenue won per partner in the scope, from the
	 * kept quarter sums per partner ({@code roi_partner_quarter_fact}, V150: the
	 * partner's rows of the partner month facts, {@code partner_month_fact} of V131,
	 * summed over the quarter's three months); a partner without month rows in the
	 * quarter has no row.
	 */
	static final String MADE = """
			    SELECT q.partner_id, q.pipeline, q.revenue FROM roi_partner_quarter_fact q JOIN scope s ON s.id = q.partner_id
			    WHERE q.quarter = :fromDay AND q.made_months > 0
			""";

	/**
	 * The closes of the quarter against the direct baseline of their industries, from the
	 * kept closes per business month, industry and partner ({@code roi_close_fact},
	 * V131): the direct win rate of an industry is its won over its closed direct deals
	 * in the quarter (the average of 1.0 per win and 0.0 per loss it was: the same
	 * numeric division), a partner's expected wins the sum of its closes times their
	 * industry's rate (the sum of the rate once per close it was: the same exact sum).
	 */
	static final String LIFT_CTES = """
			,
			baseline AS (
			    SELECT industry, CAST(sum(won) AS NUMERIC) * 1.0 / sum(closed) AS rate FROM roi_close_fact
			    WHERE partner_id = 0 AND month >= :fromDay AND month < :toDay GROUP BY industry
			),
			lift AS (
			    SELECT c.partner_id, sum(c.closed) AS deals, sum(c.won) AS won, sum(c.closed * b.rate) AS expected
			    FROM roi_close_fact c JOIN baseline b ON b.industry = c.industry JOIN scope s ON s.id = c.partner_id
			    WHERE c.month >= :fromDay AND c.month < :toDay
			    GROUP BY c.partner_id
			)""";

	/**
	 * Each partner's tier on {@code :tierDay}, set-based: what
	 * {@code partner_tier_on(p.id, :tierDay)} gives one partner at a time (the latest
	 * change's tier by then, else the first change's former tier) read from the tier
	 * history in one pass, its tier now when it never changed.
	 */
	private static final String TIER_JOINS = """

			LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, to_tier FROM tier_change
			           WHERE effective_on <= :tierDay ORDER BY partner_id, effective_on DESC, id DESC) t1
			  ON t1.partner_id = p.id
			LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, from_tier FROM tier_change
			           ORDER BY partner_id, effective_on, id) t2 ON t2.partner_id = p.id""";

	/** The quarter's figures of each partner, lift and tier included (the report). */
	static final String FIGURES = figuresSql(MADE, LIFT_CTES);

	/**
	 * The quarter's figures of each partner without the lift and with its tier now: what
	 * a quarter's total in the trend sums (cost, pipeline and revenue), read without the
	 * quarter's closes.
	 */
	static final String COSTS = figures("p.tier", "", MADE, "", "0 AS deals, 0 AS won, 0 AS expected", "");

	/**
	 * The sums of {@link #COSTS}' rows (each part and the pipeline and revenue rounded
	 * per partner), summed without a row per partner of the scope: a partner without
	 * hours, payouts, spend or deals adds nothing but its PAM time and a zero of scale
	 * two, so the scope is only counted (its partners, those charged PAM time: their
	 * rounded rate each) and each part sums the partners that have one; every money sum
	 * is rounded to the minor unit so that its scale is the per-partner sum's. For the
	 * trend's quarters, where the per-partner rows cost 40,000 joined rows each.
	 */
	static final String TOTAL = ("""
			WITH scope AS (
			    SELECT p.id,
			           CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
			                 AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay
			                          ELSE p.created_at < :until END
			                THEN 1 ELSE 0 END AS charged
			    FROM partner p
			    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			      AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
			),
			""" + COST_CTES + """
			made AS (%6$s),
			n AS (SELECT count(*) AS partners, coalesce(sum(charged), 0) AS charged FROM scope)
			SELECT n.partners, coalesce((SELECT sum(h.hours) FROM hours h), 0) AS hours,
			       %7$s AS enablement, %8$s AS mdf, %9$s AS incentives, %10$s AS spend,
			       CASE WHEN n.partners = 0 THEN 0
			            ELSE round(n.charged * round(coalesce((SELECT pam FROM rate), 0), %3$s), %3$s) END AS pam,
			       %11$s AS pipeline, %12$s AS revenue
			FROM n
			""")
		.formatted(ReportingCurrency.converted("pi.amount", "fx.to_reporting"),
				ReportingCurrency.converted("sp.amount", "fx.to_reporting"),
				com.trellis.shared.MinorUnits.of(ReportingCurrency.CODE),
				ReportingCurrency.converted("r.pam_cost_per_partner", "pfx.to_reporting"),
				ReportingCurrency
					.converted("coalesce(h.hours, 0) * (SELECT hour_cost FROM rate)", "(SELECT hour_rate FROM rate)"),
				MADE,
				summed(ReportingCurrency.converted("coalesce(h.hours, 0) * (SELECT hour_cost FROM rate)",
						"(SELECT hour_rate FROM rate)"), "hours h"),
				summed("pd.mdf", "paid pd"), summed("pd.incentives", "paid pd"), summed("sp.spend", "spend sp"),
				summed("m.pipeline", "made m"), summed("m.revenue", "made m"));

	/**
	 * A part's total: its value rounded per partner, summed over the partners of
	 * {@code from} that have it, rounded (0 without partners in the scope).
	 */
	private static String summed(String value, String from) {
		String minor = String.valueOf(com.trellis.shared.MinorUnits.of(ReportingCurrency.CODE));
		return "CASE WHEN n.partners = 0 THEN 0 ELSE round(coalesce((SELECT sum(round(coalesce(" + value + ", 0), "
				+ minor + ")) FROM " + from + "), 0), " + minor + ") END";
	}

	/**
	 * The report's statement with the given {@code made} CTE body and lift CTEs (the
	 * tests run it with the statements the kept facts replaced).
	 */
	static String figuresSql(String made, String liftCtes) {
		return figures("coalesce(t1.to_tier, t2.from_tier, p.tier)", TIER_JOINS, made, liftCtes,
				"coalesce(l.deals, 0) AS deals, coalesce(l.won, 0) AS won, coalesce(l.expected, 0) AS expected",
				"LEFT JOIN lift l ON l.partner_id = s.id");
	}

	private static String figures(String tier, String tierJoins, String made, String liftCtes, String liftColumns,
			String liftJoin) {
		return FIGURES_SQL.formatted(ReportingCurrency.converted("pi.amount", "fx.to_reporting"),
				ReportingCurrency.converted("sp.amount", "fx.to_reporting"),
				com.trellis.shared.MinorUnits.of(ReportingCurrency.CODE),
				ReportingCurrency.converted("r.pam_cost_per_partner", "pfx.to_reporting"), ReportingCurrency
					.converted("coalesce(h.hours, 0) * (SELECT hour_cost FROM rate)", "(SELECT hour_rate FROM rate)"),
				tier, liftCtes, liftColumns, liftJoin, tierJoins, made);
	}

	private RoiQuarterSql() {
	}

}
