package com.trellis.roi;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * The ROI page's statement (issue 15): the page lists 200 partners and 20 to reinvest in,
 * so it decides only those rows, and sums its totals in the database, instead of reading
 * every partner of the scope into Java. Each partner's cost is computed as in
 * {@link RoiQuarterSql#FIGURES} (scope with the tier on the day, rates, hours, pipeline
 * and revenue from the kept quarter sums per partner, payouts, spend, PAM time), once per
 * request and with one join to the kept sums; every part is already rounded to the
 * reporting currency's minor unit there, so ordering by their sum in SQL is the order of
 * {@link PartnerQuarter#cost()} in Java. {@link #PAGE} gives rows of four kinds
 * ({@code kind}), by kind:
 * <ul>
 * <li>'C' and 'T': one row per cohort with members at {@code :at} (the cohort's name in
 * {@code grp} and its id, by name) and per tier (the tier in {@code grp}): partners,
 * hours, each cost part, pipeline and revenue summed over the partners, as
 * {@link RoiReport.Total#of(String, java.util.List)} sums the rows.</li>
 * <li>'L': the {@code :listed} partners of highest cost (ties by id) with their hours,
 * cost parts, pipeline, revenue and lift (read for those partners only).</li>
 * <li>'R': the {@code :reinvested} partners outside tier 1 first in the reinvest order
 * ({@link VelocityRule}: shift, points per 1,000 highest first, momentum highest first,
 * id) with their momentum and cost.</li>
 * </ul>
 * A partner's momentum is its latest behaviour score by {@code :asOf} less its latest one
 * at least 56 days ({@link VelocityRepository#MOMENTUM_WEEKS} weeks) older
 * ({@link VelocityRepository#momentum}), kept per partner and week by the write that
 * stores the scores (V288, {@code roi_momentum_week}): one probe of its key per partner
 * of the scope (ro41; before, the two weeks' scores read as two ranges of
 * {@code partner_score_week_latest_idx} and the partners without a score in them looked
 * up by themselves).
 * <p>
 * The reinvest list reads the costs ({@code fig}) of its candidates only (roi27): a
 * partner without a momentum is always in the last shift with no points per 1,000, so
 * those come after every partner with a momentum, by id; the candidates are the partners
 * with a momentum ({@code scored}) and the first {@code :reinvested} others outside tier
 * 1 by id ({@code unscored}); each part is joined to {@code fig} by itself. The program's
 * statement reads fewer (roi40, {@link RoiReinvestSql}): only the building partners when
 * there are enough of them, and of partners that cost the same only the first by
 * momentum.
 */
final class RoiPageSql {

	/**
	 * Scope, rates, payouts and spend: the CTEs of the page's statement before
	 * {@code fig}.
	 */
	static final String SCOPE = ("""
			WITH scope AS (
			    SELECT p.id, p.name, coalesce(t1.to_tier, t2.from_tier, p.tier) AS tier, p.lifecycle_status,
			           CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= :tierDay ELSE p.created_at < :until END
			             AS existed
			    FROM partner p
			    LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, to_tier FROM tier_change
			               WHERE effective_on <= :tierDay ORDER BY partner_id, effective_on DESC, id DESC) t1
			      ON t1.partner_id = p.id
			    LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, from_tier FROM tier_change
			               ORDER BY partner_id, effective_on, id) t2 ON t2.partner_id = p.id
			    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			      AND (CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)
			),
			rate AS (
			    SELECT %3$s AS pam, r.enablement_hour_cost AS hour_cost, efx.to_reporting AS hour_rate
			    FROM roi_cost_rate r JOIN exchange_rate pfx ON pfx.currency = r.pam_currency
			    JOIN exchange_rate efx ON efx.currency = r.enablement_currency
			),
			"""
			+ RoiQuarterSql.paidAndSpend())
		.formatted(ReportingCurrency.converted("pi.amount", "fx.to_reporting"),
				ReportingCurrency.converted("sp.amount", "fx.to_reporting"),
				ReportingCurrency.converted("r.pam_cost_per_partner", "pfx.to_reporting"));

	/**
	 * Each partner's figures ({@code fig}, materialized): the scope joined once to the
	 * quarter's kept sums ({@code roi_partner_quarter_fact}, V150: hours, pipeline and
	 * revenue, each absent when the partner has no month rows of its fact, as
	 * {@link RoiQuarterSql#HOURS} and {@link RoiQuarterSql#MADE} read them), the payouts
	 * and the spend; each cost part as {@link RoiQuarterSql#FIGURES} computes it, and
	 * their sum.
	 */
	static final String FIG = ("""
			fig AS MATERIALIZED (
			    SELECT c.*, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
			    FROM (
			        SELECT s.id, s.name, s.tier, coalesce(q.hours, 0) AS hours, coalesce(%1$s, 0) AS enablement,
			               coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
			               CASE WHEN s.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AND s.existed
			                    THEN round(coalesce((SELECT pam FROM rate), 0), %2$s) ELSE 0 END AS pam,
			               coalesce(q.pipeline, 0) AS pipeline, coalesce(q.revenue, 0) AS revenue
			        FROM scope s
			        LEFT JOIN (SELECT q.partner_id, CASE WHEN q.hours_months > 0 THEN q.hours END AS hours,
			                          CASE WHEN q.made_months > 0 THEN q.pipeline END AS pipeline,
			                          CASE WHEN q.made_months > 0 THEN q.revenue END AS revenue
			                   FROM roi_partner_quarter_fact q WHERE q.quarter = :fromDay) q ON q.partner_id = s.id
			        LEFT JOIN paid pd ON pd.partner_id = s.id LEFT JOIN spend sp ON sp.partner_id = s.id
			    ) c
			)""")
		.formatted(ReportingCurrency.converted("coalesce(q.hours, 0) * (SELECT hour_cost FROM rate)",
				"(SELECT hour_rate FROM rate)"), MinorUnits.of(ReportingCurrency.CODE));

	/**
	 * A group's sums over the partners of {@code fig}, as {@link RoiQuarterSql#TOTAL}.
	 */
	static final String SUMS = """
			count(*) AS partners, coalesce(sum(f.hours), 0) AS hours,
			coalesce(sum(f.enablement), 0) AS enablement, coalesce(sum(f.mdf), 0) AS mdf,
			coalesce(sum(f.incentives), 0) AS incentives, coalesce(sum(f.spend), 0) AS spend,
			coalesce(sum(f.pam), 0) AS pam, coalesce(sum(f.pipeline), 0) AS pipeline,
			coalesce(sum(f.revenue), 0) AS revenue""";

	/**
	 * {@code x} rounded to two decimals half to even, as {@link VelocityRule} rounds the
	 * points per 1,000 ({@code round} in SQL rounds half away from zero).
	 */
	static String halfEven(String x) {
		return ("CASE WHEN abs((%1$s) * 100 - trunc((%1$s) * 100)) = 0.5"
				+ " THEN (trunc((%1$s) * 100) + CASE WHEN mod(trunc((%1$s) * 100), 2) = 0 THEN 0 ELSE sign(%1$s) END) / 100"
				+ " ELSE round(%1$s, 2) END")
			.formatted(x);
	}

	/** The sums of a row that carries a count alone (in {@code partners}): null. */
	static final String COUNT_ONLY = """
			CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC),
			CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC)""";

	/** A row of the page's statement that is not a group's sums: its sums are null. */
	static final String NO_SUMS = "CAST(NULL AS BIGINT), " + COUNT_ONLY;

	/** A group's row of the page's statement: no partner. */
	static final String NO_PARTNER = """
			CAST(NULL AS BIGINT) AS id, CAST(NULL AS TEXT) AS name, CAST(NULL AS TEXT) AS tier,
			CAST(NULL AS NUMERIC) AS deals, CAST(NULL AS NUMERIC) AS won, CAST(NULL AS NUMERIC) AS expected,
			CAST(NULL AS NUMERIC) AS cost, CAST(NULL AS NUMERIC) AS momentum, CAST(0 AS BIGINT) AS ord""";

	/**
	 * Each partner's behaviour momentum ({@code mom}, over {@code scope} outside tier 1:
	 * the kept one, {@link RoiReinvestSql#MOMENTUM_OF}, one probe per partner) and those
	 * with one ({@code scored}, materialized): the reinvest list's CTEs before its
	 * candidates without a momentum.
	 */
	static final String MOMENTUM = """
			mom AS (
			    SELECT c.id, %s AS momentum FROM scope c WHERE c.tier IS DISTINCT FROM 'TIER_1_INVEST'
			),
			scored AS MATERIALIZED (
			    SELECT m.id, m.momentum FROM mom m WHERE m.momentum IS NOT NULL
			),
			""".formatted(RoiReinvestSql.MOMENTUM_OF.formatted("c.id"));

	/**
	 * The page's one statement (see the class): the scope's costs computed once
	 * ({@code fig}, materialized), then the rows of each kind, by kind and then in each
	 * kind's order ({@code ord}; the groups by name and cohort id).
	 */
	static final String PAGE = SCOPE + FIG
			+ ("""
					,
					top AS MATERIALIZED (
					    SELECT * FROM fig ORDER BY cost DESC, id LIMIT :listed
					)%2$s,
					%7$s
					unscored AS (
					    SELECT s.id FROM scope s
					    WHERE s.tier IS DISTINCT FROM 'TIER_1_INVEST' AND NOT EXISTS (SELECT 1 FROM scored m WHERE m.id = s.id)
					    ORDER BY s.id LIMIT :reinvested
					),
					ranked AS (
					    SELECT m.*,
					           CASE WHEN m.momentum IS NULL THEN 4
					                WHEN m.cost <= 0 THEN CASE WHEN m.momentum >= :building THEN 1 ELSE 2 END
					                WHEN m.momentum >= :building THEN 0 WHEN m.momentum <= :stalling THEN 3 ELSE 2 END AS shift,
					           CASE WHEN m.momentum IS NOT NULL AND m.cost > 0 THEN %3$s END AS per_thousand
					    FROM (SELECT c.id, c.name, c.tier, c.cost, x.momentum FROM scored x JOIN fig c ON c.id = x.id
					          UNION ALL
					          SELECT c.id, c.name, c.tier, c.cost, CAST(NULL AS NUMERIC) FROM unscored x JOIN fig c ON c.id = x.id) m
					),
					chosen AS (
					    SELECT r.*, row_number() OVER (ORDER BY shift, per_thousand DESC NULLS LAST, momentum DESC NULLS LAST, id)
					             AS ord
					    FROM (SELECT * FROM ranked
					          ORDER BY shift, per_thousand DESC NULLS LAST, momentum DESC NULLS LAST, id LIMIT :reinvested) r
					)
					SELECT * FROM (
					    SELECT 'T' AS kind, f.tier AS grp, CAST(NULL AS BIGINT) AS cohort_id, %4$s, %5$s
					    FROM fig f GROUP BY f.tier
					"""
					+ rowsAfterTiers(cohortsOf("fig")))
				.formatted(null, RoiQuarterSql.LIFT_CTES.replace("JOIN scope s", "JOIN top s"),
						halfEven("m.momentum * 1000 / m.cost"), SUMS, NO_PARTNER, NO_SUMS, MOMENTUM);

	/**
	 * The page's rows after the tier totals, shared by this statement and the program's
	 * ({@link RoiProgramPageSql}): the cohorts ({@code 'C'}, the rows {@code cohorts}
	 * yields: {@link #cohortsOf} or {@link RoiCohortSumsSql}), the costliest
	 * ({@code 'L'}, from {@code top} and {@code lift}) and the reinvest list
	 * ({@code 'R'}, from {@code chosen}), in the page's order. Takes the statement's
	 * positional arguments 4 to 6 (the sums, no partner, no sums).
	 */
	static String rowsAfterTiers(String cohorts) {
		return """
				    UNION ALL
				    COHORTS
				    UNION ALL
				    SELECT 'L', NULL, NULL, NULL, t.hours, t.enablement, t.mdf, t.incentives, t.spend, t.pam, t.pipeline,
				           t.revenue, t.id, t.name, t.tier, coalesce(l.deals, 0), coalesce(l.won, 0), coalesce(l.expected, 0),
				           t.cost, NULL, row_number() OVER (ORDER BY t.cost DESC, t.id)
				    FROM top t LEFT JOIN lift l ON l.partner_id = t.id
				    UNION ALL
				    SELECT 'R', NULL, NULL, %6$s, r.id, r.name, r.tier, NULL, NULL, NULL, r.cost, r.momentum, r.ord
				    FROM chosen r
				) g
				ORDER BY kind, ord, grp, cohort_id
				"""
			.replace("COHORTS", cohorts);
	}

	/**
	 * The cohorts' rows ({@code 'C'}) summed over the members' figures in {@code figures}
	 * (a partner in several cohorts counts in each): of the cohorts with members at
	 * {@code :at} by name and id, the {@code :cohortLimit} after the first
	 * {@code :cohortOffset}; then their number ({@code 'N'}, in {@code partners}). Takes
	 * the statement's positional arguments 4 and 5 (the sums, no partner).
	 */
	static String cohortsOf(String figures) {
		return """
				(SELECT 'C', c.name, c.id, %4$s, %5$s
				     FROM FIGURES f JOIN cohort_membership cm ON cm.partner_id = f.id JOIN cohort c ON c.id = cm.cohort_id
				     WHERE cm.valid_from < :at AND (cm.valid_to IS NULL OR cm.valid_to >= :at) AND HAND_CHECK
				     GROUP BY c.id, c.name ORDER BY c.name, c.id OFFSET :cohortOffset LIMIT :cohortLimit)
				    UNION ALL
				    SELECT 'N', NULL, NULL, count(DISTINCT cm.cohort_id), COUNT_ONLY, %5$s
				    FROM FIGURES f JOIN cohort_membership cm ON cm.partner_id = f.id JOIN cohort c ON c.id = cm.cohort_id
				    WHERE cm.valid_from < :at AND (cm.valid_to IS NULL OR cm.valid_to >= :at) AND HAND_CHECK"""
			.replace("HAND_CHECK", RoiRepository.NO_HAND_COHORT_FOR_A_PARTNER)
			.replace("FIGURES", figures)
			.replace("COUNT_ONLY", COUNT_ONLY);
	}

	/**
	 * The statement with its scope conditions written for the scope's kind (the program,
	 * a PAM's book, a partner, one partner): each kind has its own statement text, so a
	 * plan the database keeps for a prepared statement of one kind (the program's 40,000
	 * partners) is never reused for another (a book of 200).
	 */
	static String forScope(String sql, RoiScope scope) {
		return sql
			.replace("(CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)",
					scope.partnerId() == null ? "true" : "p.id = :scopePartner")
			.replace("(CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)",
					scope.pamId() == null ? "true" : "p.owner_pam_id = :pam")
			.replace("(CAST(:onePartner AS BIGINT) IS NULL OR p.id = :onePartner)",
					scope.onePartner() == null ? "true" : "p.id = :onePartner");
	}

	private RoiPageSql() {
	}

}
