package com.trellis.roi;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * The cohorts' totals ({@code 'C'} rows) of the program's ROI page statement
 * ({@link RoiProgramPageSql#PAGE}) without any member's figures (issue 15, roi43): the
 * members at {@code :at} are grouped per cohort, PAM charge on the day ({@code :tierDay},
 * {@code :until}) and the quarter's hours with their scale, as the tiers' kept groups
 * are; each group's hours are priced once and multiplied by its members, its PAM time
 * likewise, and the payouts and spend ({@code paid}, {@code spend}) are summed per cohort
 * over the members paid or spent on. Every sum and its scale equals the sum of the
 * members' own figures ({@link RoiPageSql#cohortsOf}, {@link RoiPageSql#SUMS}); a partner
 * in several cohorts counts in each. Before, the statement computed the figures of every
 * member, tier on the day included (about 37,000 on the large dataset: 540 of the page's
 * 606 ms in {@code EXPLAIN ANALYZE}).
 */
final class RoiCohortSumsSql {

	private static final int MINOR = MinorUnits.of(ReportingCurrency.CODE);

	/**
	 * Whether partner {@code p} is charged PAM time on the day: in a managed status and
	 * onboarded by {@code :tierDay} (created before {@code :until} when not onboarded).
	 */
	static final String CHARGED = """
			p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
			AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay ELSE p.created_at < :until END""";

	/**
	 * The enablement cost of one partner of a group {@code g} of partners of one hours
	 * value ({@code g.hours}): priced, converted and rounded once for the group (null
	 * without a rate), as the tiers' and the cohorts' sums take it.
	 */
	static final String GROUP_ENABLEMENT = ReportingCurrency.converted("g.hours * (SELECT hour_cost FROM rate)",
			"(SELECT hour_rate FROM rate)");

	/**
	 * The PAM time of one partner of a group {@code g} of one charge ({@code g.charged}).
	 */
	static final String GROUP_PAM = "CASE WHEN g.charged THEN round(coalesce((SELECT pam FROM rate), 0), " + MINOR
			+ ") ELSE 0 END";

	/**
	 * The CTEs, the statement's last ones: the cohorts with members at {@code :at}
	 * ({@code cohort_present}), of those by name and id the {@code :cohortLimit} after
	 * the first {@code :cohortOffset} ({@code cohort_shown}: the page reads the members
	 * of the cohorts it shows only), their members' groups ({@code cohort_groups}) and
	 * payouts and spend ({@code cohort_pay}).
	 */
	static final String CTES = """
			cohort_present AS MATERIALIZED (
			    SELECT c.id, c.name FROM cohort c
			    WHERE EXISTS (SELECT 1 FROM cohort_membership cm WHERE cm.cohort_id = c.id
			                  AND cm.valid_from < :at AND (cm.valid_to IS NULL OR cm.valid_to >= :at))
			),
			cohort_shown AS MATERIALIZED (
			    SELECT s.id, s.name FROM cohort_present s ORDER BY s.name, s.id OFFSET :cohortOffset LIMIT :cohortLimit
			),
			cohort_groups AS (
			    SELECT cm.cohort_id, m.charged, m.hours_scale, m.hours, count(*) AS n, sum(m.pipeline) AS pipeline,
			           sum(m.revenue) AS revenue
			    FROM cohort_shown s JOIN cohort_membership cm ON cm.cohort_id = s.id
			    JOIN (SELECT p.id, %1$s AS charged,
			                 CASE WHEN q.hours_months > 0 THEN scale(q.hours) ELSE 0 END AS hours_scale,
			                 CASE WHEN q.hours_months > 0 THEN q.hours ELSE 0 END AS hours,
			                 CASE WHEN q.made_months > 0 THEN q.pipeline ELSE 0 END AS pipeline,
			                 CASE WHEN q.made_months > 0 THEN q.revenue ELSE 0 END AS revenue
			          FROM partner p LEFT JOIN roi_partner_quarter_fact q ON q.quarter = :fromDay AND q.partner_id = p.id) m
			      ON m.id = cm.partner_id
			    WHERE cm.valid_from < :at AND (cm.valid_to IS NULL OR cm.valid_to >= :at)
			    GROUP BY 1, 2, 3, 4
			),
			cohort_pay AS (
			    SELECT cm.cohort_id, sum(coalesce(pd.mdf, 0)) AS mdf, sum(coalesce(pd.incentives, 0)) AS incentives,
			           sum(coalesce(sp.spend, 0)) AS spend
			    FROM (SELECT partner_id FROM paid UNION SELECT partner_id FROM spend) u
			    JOIN cohort_membership cm ON cm.partner_id = u.partner_id
			     AND cm.cohort_id IN (SELECT id FROM cohort_shown) AND cm.valid_from < :at AND (cm.valid_to IS NULL OR cm.valid_to >= :at)
			    LEFT JOIN paid pd ON pd.partner_id = u.partner_id LEFT JOIN spend sp ON sp.partner_id = u.partner_id
			    GROUP BY cm.cohort_id
			)
			"""
		.formatted(CHARGED);

	/**
	 * The shown cohorts' rows ({@code 'C'}) from {@link #CTES} and their number
	 * ({@code 'N'}), with the statement's positional argument 5 (no partner), as
	 * {@link RoiPageSql#rowsAfterTiers} takes them.
	 */
	static final String ROWS = """
			SELECT 'C', c.name, c.id, s.partners, s.hours, s.enablement, coalesce(y.mdf, 0), coalesce(y.incentives, 0),
			           coalesce(y.spend, 0), s.pam, s.pipeline, s.revenue, %%5$s
			    FROM (SELECT g.cohort_id, CAST(sum(g.n) AS BIGINT) AS partners, sum(g.n * g.hours) AS hours,
			                 sum(g.n * coalesce(%1$s, 0)) AS enablement, sum(g.n * %2$s) AS pam,
			                 sum(g.pipeline) AS pipeline, sum(g.revenue) AS revenue
			          FROM cohort_groups g GROUP BY g.cohort_id) s
			    JOIN cohort_shown c ON c.id = s.cohort_id LEFT JOIN cohort_pay y ON y.cohort_id = s.cohort_id
			    UNION ALL
			    SELECT 'N', NULL, NULL, (SELECT count(*) FROM cohort_present), %3$s, %%5$s"""
		.formatted(GROUP_ENABLEMENT, GROUP_PAM, RoiPageSql.COUNT_ONLY);

	private RoiCohortSumsSql() {
	}

}
