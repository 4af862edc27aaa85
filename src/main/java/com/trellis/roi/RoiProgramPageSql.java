package com.trellis.roi;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * The ROI page's statement for the program (no PAM's book, no partner; issue 15, roi28):
 * the same rows as {@link RoiPageSql#PAGE}, every figure and scale, without computing
 * every partner's cost ({@code fig}), so that it reads rows in proportion to what it
 * shows:
 * <ul>
 * <li>'T': the totals per tier from the kept sums (V223): per kept tier and PAM charge,
 * the partners ({@code roi_tier_count}) and the quarter's partner rows grouped by hours
 * value with their pipeline and revenue ({@code roi_tier_quarter_fact}). The partners
 * whose tier or charge on the day differs from the kept one ({@code fixed}: a
 * {@code tier_change} after {@code :tierDay}, or not there yet by then) are taken out of
 * their kept group and added back with their tier and charge on the day. Each hours value
 * is priced once and multiplied by its partners (the sum of the rounded per-partner
 * costs), PAM time likewise; groups without partners count for nothing, so each sum has
 * the scale the per-partner sum has. The payouts and spend are summed per tier on the day
 * over the partners paid or spent on.</li>
 * <li>'C': the cohorts' totals from their members grouped by PAM charge and hours
 * ({@link RoiCohortSumsSql}, roi43), no member's figures computed.</li>
 * <li>'L': the {@code :listed} costliest from a candidate set (roi28, roi30). A partner
 * neither paid nor spent on and without hours that cost anything (none cost anything when
 * the hour cost or rate is zero or unknown: {@code flat}) costs its PAM time alone, the
 * same for every such partner charged on the day and for every one not charged, so of
 * those only the first {@code :listed} by id of each kind can be listed. When hours cost
 * something, the exact costs of the first {@code :listed} partners by hours, of the first
 * {@code :listed} charged PAM time on the day by hours, and of every partner paid or
 * spent on give a lower bound {@code L} of the {@code :listed}-th cost; a partner with
 * hours that is neither paid nor spent on costs its rounded hours' price plus at most the
 * PAM charge {@code P}, so only those with hours of at least
 * {@code (L - P - 0.01) / (hour cost × rate)} can reach {@code L} (a cent more than
 * rounding can add; every partner with hours when there is no {@code L}: fewer than
 * {@code :listed} have hours). The candidates are those, the paid and spent-on partners
 * and the first by id of each kind; their costs alone ({@link #costsOf}) pick the
 * {@code :listed}, and only those are read in full ({@link #figuresOfFew}). No partner's
 * cost is computed otherwise (before roi30, every partner's when the bound was not
 * positive).</li>
 * <li>'R': as {@link RoiPageSql#PAGE}, with the costs of a bounded candidate set
 * ({@link RoiReinvestSql}, roi40): the kept momentum (V288, ro41) of the partners paid,
 * spent on, with hours that cost something or with a tier or charge on the day other than
 * the kept one, and the first {@code :reinvested} by momentum of each kept charge of the
 * others (the head of an index), then only the building partners when at least
 * {@code :reinvested} are building, of those the paid and spent-on ones and the first
 * {@code :reinvested} by momentum of each PAM charge and hours (partners that cost the
 * same), and the first {@code :reinvested} without a momentum by id only when fewer have
 * one (before roi40, the cost of every partner with a momentum: 40,000 with stored
 * scores).</li>
 * </ul>
 */
final class RoiProgramPageSql {

	private static final int MINOR = MinorUnits.of(ReportingCurrency.CODE);

	/** A partner's enablement cost ({@code q.hours}), converted and rounded. */
	private static final String ENABLEMENT = ReportingCurrency
		.converted("coalesce(q.hours, 0) * (SELECT hour_cost FROM rate)", "(SELECT hour_rate FROM rate)");

	/** A partner's PAM time ({@code p}): the charge when charged on the day, else 0. */
	private static final String PAM = "CASE WHEN " + RoiCohortSumsSql.CHARGED
			+ " THEN round(coalesce((SELECT pam FROM rate), 0), " + MINOR + ") ELSE 0 END";

	/**
	 * Each partner's figures for the few partner ids the text yields (column {@code id},
	 * distinct; the listed, the reinvest list's), as {@link RoiPageSql#FIG} computes
	 * them, its tier on the day looked up per partner and each partner read by its key
	 * (the planner would hash all 40,000 for a few hundred).
	 */
	static String figuresOfFew(String ids) {
		return """
				SELECT c.*, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
				FROM (
				    SELECT p.id, p.name,
				           coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= :tierDay
				                     ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
				                    (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
				                     ORDER BY t.effective_on, t.id LIMIT 1), p.tier) AS tier,
				           coalesce(q.hours, 0) AS hours, coalesce(%2$s, 0) AS enablement,
				           coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
				           %3$s AS pam,
				           coalesce(q.pipeline, 0) AS pipeline, coalesce(q.revenue, 0) AS revenue
				    FROM (%1$s) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
				    LEFT JOIN (SELECT q.partner_id, CASE WHEN q.hours_months > 0 THEN q.hours END AS hours,
				                      CASE WHEN q.made_months > 0 THEN q.pipeline END AS pipeline,
				                      CASE WHEN q.made_months > 0 THEN q.revenue END AS revenue
				               FROM roi_partner_quarter_fact q WHERE q.quarter = :fromDay) q ON q.partner_id = p.id
				    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
				) c"""
			.formatted(ids, ENABLEMENT, PAM);
	}

	/**
	 * The cost only ({@code id}, {@code cost}: the same sum of the same parts as
	 * {@link #figuresOfFew}) of the ids the text yields, each partner read by its key,
	 * without the tier, pipeline and revenue; the hours are not read when no hour costs
	 * anything ({@code flat}: the enablement cost is 0 either way).
	 */
	static String costsOf(String ids) {
		return """
				SELECT c.id, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
				FROM (
				    SELECT p.id, coalesce(%2$s, 0) AS enablement, coalesce(pd.mdf, 0) AS mdf,
				           coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend, %3$s AS pam
				    FROM (%1$s) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
				    LEFT JOIN LATERAL (SELECT CASE WHEN q.hours_months > 0 THEN q.hours END AS hours
				                       FROM roi_partner_quarter_fact q
				                       WHERE NOT (SELECT yes FROM flat) AND q.partner_id = p.id AND q.quarter = :fromDay
				                       OFFSET 0) q ON true
				    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
				) c""".formatted(ids, ENABLEMENT, PAM);
	}

	/**
	 * The kept groups corrected for the day ({@code fixed}, {@code grouped}) and the
	 * totals per tier ({@code tier_sums}, {@code pay}).
	 */
	static final String TIERS = """
			fix AS (
			    SELECT t.partner_id AS id FROM tier_change t WHERE t.effective_on > :tierDay
			    UNION
			    SELECT k.partner_id FROM roi_partner_kept k WHERE k.onboarded_on IS NOT NULL AND k.onboarded_on > :tierDay
			    UNION
			    SELECT k.partner_id FROM roi_partner_kept k WHERE k.onboarded_on IS NULL AND k.created_at >= :until
			),
			fixed AS MATERIALIZED (
			    SELECT k.partner_id, k.tier AS kept_tier, k.charged AS kept_charged, d.tier,
			           d.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AND d.existed AS charged,
			           coalesce(q.hours_months, 0) > 0 AS has_hours,
			           CASE WHEN q.hours_months > 0 THEN scale(q.hours) ELSE 0 END AS hours_scale,
			           CASE WHEN q.hours_months > 0 THEN q.hours ELSE 0 END AS hours,
			           CASE WHEN q.made_months > 0 THEN q.pipeline ELSE 0 END AS pipeline,
			           CASE WHEN q.made_months > 0 THEN q.revenue ELSE 0 END AS revenue
			    FROM fix f JOIN roi_partner_kept k ON k.partner_id = f.id
			    JOIN (%1$s) d ON d.id = f.id
			    LEFT JOIN roi_partner_quarter_fact q ON q.quarter = :fromDay AND q.partner_id = f.id
			),
			grouped AS (
			    SELECT a.tier, a.charged, a.has_hours, a.hours_scale, a.hours, sum(a.n) AS n, sum(a.pipeline) AS pipeline,
			           sum(a.revenue) AS revenue
			    FROM (
			        SELECT f.tier, f.charged, f.has_hours, f.hours_scale, f.hours, f.partners AS n, f.pipeline, f.revenue
			        FROM roi_tier_quarter_fact f WHERE f.quarter = :fromDay
			        UNION ALL
			        SELECT c.tier, c.charged, false, 0, 0, c.partners - coalesce((SELECT sum(f.partners) FROM roi_tier_quarter_fact f
			            WHERE f.quarter = :fromDay AND f.tier = c.tier AND f.charged = c.charged), 0), 0, 0
			        FROM roi_tier_count c
			        UNION ALL
			        SELECT x.kept_tier, x.kept_charged, x.has_hours, x.hours_scale, x.hours, -1, -x.pipeline, -x.revenue
			        FROM fixed x
			        UNION ALL
			        SELECT x.tier, x.charged, x.has_hours, x.hours_scale, x.hours, 1, x.pipeline, x.revenue FROM fixed x
			    ) a
			    GROUP BY 1, 2, 3, 4, 5
			),
			tier_sums AS (
			    SELECT g.tier, CAST(sum(g.n) AS BIGINT) AS partners,
			           sum(g.n * g.hours) FILTER (WHERE g.n > 0) AS hours,
			           sum(g.n * coalesce(%2$s, 0)) FILTER (WHERE g.n > 0) AS enablement,
			           sum(g.n * %3$s) FILTER (WHERE g.n > 0) AS pam,
			           coalesce(sum(g.pipeline), 0) AS pipeline, coalesce(sum(g.revenue), 0) AS revenue
			    FROM grouped g GROUP BY g.tier HAVING sum(g.n) > 0
			),
			pay AS (
			    SELECT coalesce(x.tier, k.tier) AS tier, sum(coalesce(pd.mdf, 0)) AS mdf,
			           sum(coalesce(pd.incentives, 0)) AS incentives, sum(coalesce(sp.spend, 0)) AS spend
			    FROM (SELECT partner_id FROM paid UNION SELECT partner_id FROM spend) u
			    JOIN roi_partner_kept k ON k.partner_id = u.partner_id
			    LEFT JOIN fixed x ON x.partner_id = u.partner_id
			    LEFT JOIN paid pd ON pd.partner_id = u.partner_id LEFT JOIN spend sp ON sp.partner_id = u.partner_id
			    GROUP BY 1
			),
			"""
		.formatted(
				"""
						SELECT p.id, p.lifecycle_status,
						       coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= :tierDay
						                 ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
						                (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
						                 ORDER BY t.effective_on, t.id LIMIT 1), p.tier) AS tier,
						       CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay ELSE p.created_at < :until END
						         AS existed
						FROM partner p WHERE p.id IN (SELECT id FROM fix)""",
				RoiCohortSumsSql.GROUP_ENABLEMENT, RoiCohortSumsSql.GROUP_PAM);

	/**
	 * The partners whose exact costs give the bound of the listed costliest: the first
	 * {@code :listed} by hours, the first {@code :listed} charged PAM time on the day by
	 * hours, and every partner paid or spent on; none when no hour costs anything.
	 */
	private static final String FIRST = """
			SELECT h.id FROM (SELECT q.partner_id AS id FROM roi_partner_quarter_fact q
			                  WHERE q.quarter = :fromDay AND q.hours_months > 0 ORDER BY q.hours DESC LIMIT :listed) h
			UNION
			SELECT h.id FROM (SELECT q.partner_id AS id FROM roi_partner_quarter_fact q JOIN partner p ON p.id = q.partner_id
			                  WHERE q.quarter = :fromDay AND q.hours_months > 0
			                    AND p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
			                    AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay
			                             ELSE p.created_at < :until END
			                  ORDER BY q.hours DESC LIMIT :listed) h
			UNION SELECT partner_id FROM paid UNION SELECT partner_id FROM spend""";

	/**
	 * The first {@code :listed} by id of the partners whose cost is their PAM time alone
	 * (neither paid nor spent on, and without hours that cost anything), charged on the
	 * day ({@code %1$s} true) or not: such partners cost the same within each kind, so
	 * only the first by id can be listed.
	 */
	private static final String HEADS = """
			SELECT p.id FROM partner p
			WHERE (p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
			       AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay
			                ELSE p.created_at < :until END) IS %1$s
			  AND p.id NOT IN (SELECT partner_id FROM paid UNION ALL SELECT partner_id FROM spend)
			  AND ((SELECT yes FROM flat) OR NOT EXISTS (SELECT 1 FROM roi_partner_quarter_fact q
			       WHERE q.partner_id = p.id AND q.quarter = :fromDay AND q.hours_months > 0))
			ORDER BY p.id LIMIT :listed""";

	/**
	 * The {@code :listed} costliest ({@code top}, see the class) and their lift.
	 */
	static final String TOP = """
			flat AS (
			    SELECT coalesce((SELECT r.hour_cost * r.hour_rate FROM rate r), 0) = 0 AS yes
			),
			first AS MATERIALIZED (
			    SELECT f.cost FROM (%1$s) f WHERE NOT (SELECT yes FROM flat)
			),
			bound AS (
			    SELECT CASE WHEN r.hour_cost * r.hour_rate > 0
			                THEN (l.cost - greatest(round(coalesce(r.pam, 0), %3$s), 0) - 0.01) / (r.hour_cost * r.hour_rate)
			           END AS hours
			    FROM (SELECT f.cost FROM first f ORDER BY f.cost DESC LIMIT 1 OFFSET :listed - 1) l CROSS JOIN rate r
			),
			candidates AS (
			    SELECT partner_id AS id FROM paid
			    UNION SELECT partner_id FROM spend
			    UNION
			    SELECT q.partner_id FROM roi_partner_quarter_fact q
			    WHERE NOT (SELECT yes FROM flat) AND q.quarter = :fromDay AND q.hours_months > 0
			      AND q.hours >= coalesce((SELECT hours FROM bound), CAST('-Infinity' AS NUMERIC))
			    UNION SELECT a.id FROM (%4$s) a
			    UNION SELECT b.id FROM (%5$s) b
			),
			top AS MATERIALIZED (
			    SELECT * FROM (%6$s) k ORDER BY k.cost DESC, k.id
			)%2$s,
			"""
		.formatted(costsOf(FIRST), RoiQuarterSql.LIFT_CTES.replace("JOIN scope s", "JOIN top s"), MINOR,
				HEADS.formatted("TRUE"), HEADS.formatted("NOT TRUE"), figuresOfFew("SELECT c.id FROM ("
						+ costsOf("SELECT id FROM candidates") + ") c ORDER BY c.cost DESC, c.id LIMIT :listed"));

	/** Scope, rates, payouts and spend, over every partner of the program. */
	private static final String PROGRAM = RoiPageSql.SCOPE.replace("JOIN scope s ON", "JOIN partner s ON");

	/**
	 * Which way the statement reads the listed costliest (for the tests): whether no hour
	 * costs anything ({@code flat}), the hours from which a partner with hours can be
	 * listed ({@code bound}, null without {@code L}) and the number of candidates whose
	 * costs are computed ({@code candidates}).
	 */
	static final String PATH = PROGRAM + TOP + """
			path AS (SELECT 1)
			SELECT (SELECT yes FROM flat) AS flat, (SELECT hours FROM bound) AS bound,
			       (SELECT count(*) FROM candidates) AS candidates
			""";

	/** The reinvest list's CTEs ({@link RoiReinvestSql}), ending with {@code chosen}. */
	private static final String REINVEST = RoiReinvestSql.ctes(RoiProgramPageSql::costsOf,
			RoiProgramPageSql::figuresOfFew);

	/**
	 * Which way the statement reads the reinvest list (for the tests,
	 * {@link RoiReinvestSql#path}).
	 */
	static final String REINVEST_PATH = RoiReinvestSql.path(PROGRAM + TIERS + TOP, REINVEST);

	/** The program's statement (see the class). */
	static final String PAGE = PROGRAM + TIERS + TOP + REINVEST + RoiCohortSumsSql.CTES
			+ ("""
					SELECT * FROM (
					    SELECT 'T' AS kind, t.tier AS grp, CAST(NULL AS BIGINT) AS cohort_id, t.partners, t.hours, t.enablement,
					           coalesce(y.mdf, 0) AS mdf, coalesce(y.incentives, 0) AS incentives, coalesce(y.spend, 0) AS spend,
					           t.pam, t.pipeline, t.revenue, %5$s
					    FROM tier_sums t LEFT JOIN pay y ON y.tier = t.tier
					"""
					+ RoiPageSql.rowsAfterTiers(RoiCohortSumsSql.ROWS))
				.formatted(null, null, null, RoiPageSql.SUMS, RoiPageSql.NO_PARTNER, RoiPageSql.NO_SUMS);

	private RoiProgramPageSql() {
	}

}
