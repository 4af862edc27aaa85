package com.trellis.roi;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * The trend's past quarters in one statement (issue 15: one {@link RoiQuarterSql#TOTAL}
 * per quarter counted the scope's 40,000 partners and joined them to the kept sums three
 * times a page). Each quarter's row is the {@link RoiQuarterSql#TOTAL} of that quarter,
 * value and scale: the scope is read once and counted once (its partners; those charged
 * PAM time on each quarter's day, one count per quarter), the quarters' kept sums per
 * partner ({@code roi_partner_quarter_fact}, V150) are joined to the scope once, and each
 * part is rounded per partner, summed per quarter and the sum rounded as {@code TOTAL}
 * does. Parameters per quarter {@code i} (0 to n − 1): {@code fromDay<i>},
 * {@code toDay<i>}, {@code from<i>}, {@code to<i>}, {@code tierDay<i>}, {@code until<i>};
 * rows by {@code i}.
 */
final class RoiTrendSql {

	private static final int MINOR = MinorUnits.of(ReportingCurrency.CODE);

	/**
	 * The quarters' hours, enablement cost, pipeline and revenue of the scope's partners
	 * ({@code kept}: per quarter {@code i}, each sum null without rows): the scope's rows
	 * of the kept quarter sums per partner ({@code roi_partner_quarter_fact}, V150), each
	 * part rounded per partner.
	 */
	private static final String KEPT_PER_PARTNER = """

			    SELECT q.i, sum(h.hours) FILTER (WHERE h.hours_months > 0) AS hours,
			           sum(round(coalesce(%1$s, 0), %2$s)) FILTER (WHERE h.hours_months > 0) AS enablement,
			           sum(round(coalesce(h.pipeline, 0), %2$s)) FILTER (WHERE h.made_months > 0) AS pipeline,
			           sum(round(coalesce(h.revenue, 0), %2$s)) FILTER (WHERE h.made_months > 0) AS revenue
			    FROM q JOIN roi_partner_quarter_fact h ON h.quarter = q.from_day JOIN scope s ON s.id = h.partner_id
			    GROUP BY q.i
			""".formatted(enablement("h.hours"), MINOR);

	/**
	 * {@link #KEPT_PER_PARTNER} for the program (roi24, issue 15: 30,000 partner rows per
	 * quarter), from the kept sums per quarter ({@code roi_quarter_sum_fact}, V200): its
	 * partners' rows grouped by their hours (value and scale), each group's hours priced
	 * once, rounded and multiplied by its partners (the sum of the per-partner rounded
	 * costs), its hours times its partners (the same exact sum, of the same scale), and
	 * its pipeline and revenue already rounded per partner; a few rows per quarter. Every
	 * partner of the kept quarter rows is a partner of the program (partners are never
	 * deleted), so the join to the scope is left out.
	 */
	private static final String KEPT_PROGRAM = """

			    SELECT q.i, sum(h.hours * h.partners) FILTER (WHERE h.has_hours) AS hours,
			           sum(h.partners * round(coalesce(%1$s, 0), %2$s)) FILTER (WHERE h.has_hours) AS enablement,
			           sum(h.pipeline) FILTER (WHERE h.made_partners > 0) AS pipeline,
			           sum(h.revenue) FILTER (WHERE h.made_partners > 0) AS revenue
			    FROM q JOIN roi_quarter_sum_fact h ON h.quarter = q.from_day
			    GROUP BY q.i
			""".formatted(enablement("h.hours"), MINOR);

	/** A partner's enablement cost of {@code hours}, converted and rounded. */
	private static String enablement(String hours) {
		return ReportingCurrency.converted("coalesce(" + hours + ", 0) * (SELECT hour_cost FROM rate)",
				"(SELECT hour_rate FROM rate)");
	}

	/**
	 * The statement for {@code quarters} quarters (at least one) of any scope, its
	 * quarters' sums read per partner.
	 */
	static String totals(int quarters) {
		return totals(quarters, false);
	}

	/**
	 * The statement for {@code quarters} quarters (at least one); {@code program}: the
	 * scope is the whole program (no partner, PAM or one partner bound), whose sums are
	 * read from the kept sums per quarter, and whose partners are counted from the kept
	 * counts per tier and charge ({@code roi_tier_count}, V223; roi30: the count read all
	 * 40,000 partners), those charged PAM time on a quarter's day as the kept charged
	 * ones less those not there yet by then ({@code roi_partner_kept}, by its indexes);
	 * the payouts and spend are not joined to the scope (every row's partner is one of
	 * the program's, by its foreign key).
	 */
	static String totals(int quarters, boolean program) {
		var values = new StringBuilder();
		var charged = new StringBuilder();
		var pam = new StringBuilder();
		var kept = new StringBuilder();
		for (int i = 0; i < quarters; i++) {
			values.append(i == 0 ? "" : ",\n").append("""
					(%1$d, CAST(:fromDay%1$d AS DATE), CAST(:toDay%1$d AS DATE), CAST(:from%1$d AS TIMESTAMPTZ),
					 CAST(:to%1$d AS TIMESTAMPTZ))""".formatted(i));
			charged
				.append("""
						,
						           count(*) FILTER (WHERE s.active AND CASE WHEN s.onboarded_on IS NOT NULL
						               THEN s.onboarded_on <= :tierDay%1$d ELSE s.created_at < :until%1$d END) AS charged%1$d"""
					.formatted(i));
			pam.append(" WHEN %1$d THEN n.charged%1$d".formatted(i));
			kept.append("""
					,
					       CAST((SELECT coalesce(sum(c.partners), 0) FROM roi_tier_count c WHERE c.charged)
					         - (SELECT count(*) FROM roi_partner_kept k
					            WHERE k.charged AND k.onboarded_on IS NOT NULL AND k.onboarded_on > :tierDay%1$d)
					         - (SELECT count(*) FROM roi_partner_kept k
					            WHERE k.charged AND k.onboarded_on IS NULL AND k.created_at >= :until%1$d) AS BIGINT)
					         AS charged%1$d""".formatted(i));
		}
		var counted = program
				? "SELECT CAST((SELECT coalesce(sum(c.partners), 0) FROM roi_tier_count c) AS BIGINT) AS partners"
						+ kept
				: "SELECT count(*) AS partners" + charged + " FROM scope s";
		return """
				WITH q (i, from_day, to_day, from_at, to_at) AS (VALUES
				%1$s
				),
				scope AS (
				    SELECT p.id, p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AS active, p.onboarded_on, p.created_at
				    FROM partner p
				    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
				      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
				      AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
				),
				n AS (%2$s),
				rate AS (
				    SELECT %4$s AS pam, r.enablement_hour_cost AS hour_cost, efx.to_reporting AS hour_rate
				    FROM roi_cost_rate r JOIN exchange_rate pfx ON pfx.currency = r.pam_currency
				    JOIN exchange_rate efx ON efx.currency = r.enablement_currency
				),
				kept AS (%15$s),
				paid AS (
				    SELECT q.i, pi.partner_id,
				           sum(%7$s) FILTER (WHERE e.kind = 'MDF_REIMBURSEMENT') AS mdf,
				           sum(%7$s) FILTER (WHERE e.kind <> 'MDF_REIMBURSEMENT') AS incentives
				    FROM q JOIN payout_item pi ON pi.paid_at >= q.from_at AND pi.paid_at < q.to_at
				    JOIN incentive_earning e ON e.id = pi.earning_id
				    JOIN exchange_rate fx ON fx.currency = pi.currency%16$s
				    GROUP BY q.i, pi.partner_id
				),
				pd AS (
				    SELECT i, sum(round(coalesce(mdf, 0), %6$s)) AS mdf, sum(round(coalesce(incentives, 0), %6$s)) AS incentives
				    FROM paid GROUP BY i
				),
				spend AS (
				    SELECT q.i, sp.partner_id, sum(%8$s) AS spend FROM q
				    JOIN roi_program_spend sp ON sp.spent_on >= q.from_day AND sp.spent_on < q.to_day
				    JOIN exchange_rate fx ON fx.currency = sp.currency%17$s
				    GROUP BY q.i, sp.partner_id
				),
				sd AS (SELECT i, sum(round(coalesce(spend, 0), %6$s)) AS spend FROM spend GROUP BY i)
				SELECT q.i, n.partners, coalesce(k.hours, 0) AS hours, %9$s AS enablement, %10$s AS mdf,
				       %11$s AS incentives, %12$s AS spend,
				       CASE WHEN n.partners = 0 THEN 0
				            ELSE round(CASE q.i%3$s END * round(coalesce((SELECT pam FROM rate), 0), %6$s), %6$s) END AS pam,
				       %13$s AS pipeline, %14$s AS revenue
				FROM q CROSS JOIN n LEFT JOIN kept k ON k.i = q.i LEFT JOIN pd ON pd.i = q.i LEFT JOIN sd ON sd.i = q.i
				ORDER BY q.i
				"""
			.formatted(values, counted, pam, ReportingCurrency.converted("r.pam_cost_per_partner", "pfx.to_reporting"),
					ReportingCurrency.converted("coalesce(h.hours, 0) * (SELECT hour_cost FROM rate)",
							"(SELECT hour_rate FROM rate)"),
					MINOR, ReportingCurrency.converted("pi.amount", "fx.to_reporting"),
					ReportingCurrency.converted("sp.amount", "fx.to_reporting"), summed("k.enablement"),
					summed("pd.mdf"), summed("pd.incentives"), summed("sd.spend"), summed("k.pipeline"),
					summed("k.revenue"), program ? KEPT_PROGRAM : KEPT_PER_PARTNER,
					program ? "" : " JOIN scope s ON s.id = pi.partner_id",
					program ? "" : " JOIN scope s ON s.id = sp.partner_id");
	}

	/** A quarter's sum of per-partner rounded values, rounded (0 without partners). */
	private static String summed(String sum) {
		return "CASE WHEN n.partners = 0 THEN 0 ELSE round(coalesce(" + sum + ", 0), " + MINOR + ") END";
	}

	private RoiTrendSql() {
	}

}
