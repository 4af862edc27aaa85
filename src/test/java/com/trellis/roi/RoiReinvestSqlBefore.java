package com.trellis.roi;

import java.util.function.UnaryOperator;

/**
 * The program's reinvest list as it was before V288 ({@code RoiReinvestSql} of main
 * {@code b3834292}, roi40): every partner's momentum read per request from two weeks of
 * {@code partner_score_week} (the partners without a score in them looked up by
 * themselves), then the bounded candidates. The property tests compare the page with the
 * program's statement built on it ({@link #PAGE}).
 */
final class RoiReinvestSqlBefore {

	/**
	 * The latest stored week of behaviour scores by {@code :asOf} and the latest by that
	 * week less {@code :days}, and the known scores of those weeks.
	 */
	private static final String WEEKS = """
					latest_week AS (
					    SELECT max(w.week_start) AS week FROM partner_score_week w
					    WHERE w.pillar = 'BEHAVIOUR' AND w.week_start <= :asOf
					),
					earlier_week AS (
					    SELECT max(w.week_start) AS week FROM partner_score_week w
					    WHERE w.pillar = 'BEHAVIOUR' AND w.week_start <= (SELECT week FROM latest_week) - :days
					),
					at_latest AS (
					    SELECT w.partner_id, w.score FROM partner_score_week w
					    WHERE w.week_start = (SELECT week FROM latest_week) AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
					),
					at_earlier AS (
					    SELECT w.partner_id, w.score FROM partner_score_week w
					    WHERE w.week_start = (SELECT week FROM earlier_week) AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
					),
			""";

	/**
	 * Each partner's momentum outside tier 1 on the day, as {@link RoiPageSql#MOMENTUM}
	 * (its latest known behaviour score by {@code :asOf} less its latest one at least
	 * {@code :days} days older), with its PAM charge on the day ({@code scored}: partners
	 * without a momentum left out). Over the kept tier and charge, or the day's for the
	 * partners of {@code fixed}; from the scores of the latest and the earlier week when
	 * the partner has both, otherwise looked up for the partner by itself.
	 */
	private static final String SCORED = """
			scored AS MATERIALIZED (
			    SELECT m.id, m.charged, m.momentum FROM (
			        SELECT c.id, c.charged,
			               CASE WHEN l.partner_id IS NOT NULL AND e.partner_id IS NOT NULL THEN l.score - e.score
			               ELSE (SELECT x.score - (SELECT w.score FROM partner_score_week w
			                                       WHERE w.partner_id = c.id AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
			                                         AND w.week_start <= x.week_start - :days
			                                       ORDER BY w.week_start DESC LIMIT 1)
			                     FROM (SELECT w.score, w.week_start FROM partner_score_week w
			                           WHERE w.partner_id = c.id AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
			                             AND w.week_start <= :asOf
			                           ORDER BY w.week_start DESC LIMIT 1) x) END AS momentum
			        FROM (SELECT k.partner_id AS id, CASE WHEN x.partner_id IS NULL THEN k.tier ELSE x.tier END AS tier,
			                     CASE WHEN x.partner_id IS NULL THEN k.charged ELSE x.charged END AS charged
			              FROM roi_partner_kept k LEFT JOIN fixed x ON x.partner_id = k.partner_id) c
			        LEFT JOIN at_latest l ON l.partner_id = c.id
			        LEFT JOIN at_earlier e ON e.partner_id = c.id
			        WHERE (SELECT week FROM latest_week) IS NOT NULL AND c.tier IS DISTINCT FROM 'TIER_1_INVEST'
			    ) m
			    WHERE m.momentum IS NOT NULL
			),
			""";

	/**
	 * How many partners have a momentum ({@code scored}) and how many of those one of at
	 * least {@code :building}, each counted up to {@code :reinvested}; the candidates
	 * with a momentum ({@code heads}, see the class) and without ({@code unscored}).
	 */
	private static final String CANDIDATES = """
			reach AS (
			    SELECT (SELECT count(*) FROM (SELECT 1 FROM scored LIMIT :reinvested) s) AS scored,
			           (SELECT count(*) FROM (SELECT 1 FROM scored m WHERE m.momentum >= :building LIMIT :reinvested) b)
			             AS building
			),
			heads AS (
			    SELECT h.id, h.momentum FROM (
			        SELECT m.id, m.momentum, c.paid,
			               row_number() OVER (PARTITION BY c.paid, m.charged, c.hours ORDER BY m.momentum DESC, m.id) AS n
			        FROM scored m
			        LEFT JOIN roi_partner_quarter_fact q
			          ON NOT (SELECT yes FROM flat) AND q.quarter = :fromDay AND q.partner_id = m.id AND q.hours_months > 0
			        CROSS JOIN LATERAL (SELECT m.id IN (SELECT partner_id FROM paid) OR m.id IN (SELECT partner_id FROM spend)
			                              AS paid, coalesce(q.hours, 0) AS hours) c
			        WHERE (SELECT building FROM reach) < :reinvested OR m.momentum >= :building
			    ) h
			    WHERE h.paid OR h.n <= :reinvested
			),
			unscored AS (
			    SELECT p.id FROM partner p
			    WHERE (SELECT scored FROM reach) < :reinvested
			      AND coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= :tierDay
			                    ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
			                   (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
			                    ORDER BY t.effective_on, t.id LIMIT 1), p.tier) <> 'TIER_1_INVEST'
			      AND ((SELECT week FROM latest_week) IS NULL OR p.id NOT IN (SELECT m.id FROM scored m))
			    ORDER BY p.id LIMIT :reinvested
			),
			reinvest_ids AS MATERIALIZED (
			    SELECT id, momentum FROM heads
			    UNION ALL
			    SELECT id, CAST(NULL AS NUMERIC) FROM unscored
			),
			""";

	/**
	 * The candidates' costs, shift and points per 1,000 ({@code ranked}), the first
	 * {@code :reinvested} in the order ({@code picked}) and their figures
	 * ({@code chosen}); the costs' and figures' statements in the positions 2 and 3.
	 */
	private static final String CHOSEN = """
			ranked AS (
			    SELECT m.*,
			           CASE WHEN m.momentum IS NULL THEN 4
			                WHEN m.cost <= 0 THEN CASE WHEN m.momentum >= :building THEN 1 ELSE 2 END
			                WHEN m.momentum >= :building THEN 0 WHEN m.momentum <= :stalling THEN 3 ELSE 2 END AS shift,
			           CASE WHEN m.momentum IS NOT NULL AND m.cost > 0 THEN %1$s END AS per_thousand
			    FROM (SELECT c.id, c.cost, i.momentum FROM (%2$s) c JOIN reinvest_ids i ON i.id = c.id) m
			),
			picked AS MATERIALIZED (
			    SELECT * FROM ranked ORDER BY shift, per_thousand DESC NULLS LAST, momentum DESC NULLS LAST, id
			    LIMIT :reinvested
			),
			chosen AS (
			    SELECT f.id, f.name, f.tier, f.cost, r.momentum,
			           row_number() OVER (ORDER BY r.shift, r.per_thousand DESC NULLS LAST, r.momentum DESC NULLS LAST, r.id)
			             AS ord
			    FROM picked r JOIN (%3$s) f ON f.id = r.id
			),
			""";

	/**
	 * The reinvest list's CTEs (see the class), ending with {@code chosen}, with
	 * {@code costs} (ids to the text of their costs: {@code id}, {@code cost}) and
	 * {@code figures} (ids to the text of their figures, with {@code name} and
	 * {@code tier}) of the program's statement.
	 */
	private static String ctes(UnaryOperator<String> costs, UnaryOperator<String> figures) {
		return WEEKS + SCORED + CANDIDATES + CHOSEN.formatted(RoiPageSql.halfEven("m.momentum * 1000 / m.cost"),
				costs.apply("SELECT id FROM reinvest_ids"), figures.apply("SELECT id FROM picked"));
	}

	/**
	 * The program's page statement ({@link RoiProgramPageSql#PAGE}) with this reinvest
	 * list instead of the kept momentum's.
	 */
	static final String PAGE = replaced(RoiProgramPageSql.PAGE,
			RoiReinvestSql.ctes(RoiProgramPageSql::costsOf, RoiProgramPageSql::figuresOfFew),
			ctes(RoiProgramPageSql::costsOf, RoiProgramPageSql::figuresOfFew));

	private static String replaced(String page, String now, String before) {
		if (!page.contains(now)) {
			throw new IllegalStateException("the program's statement holds no reinvest list");
		}
		return page.replace(now, before);
	}

	private RoiReinvestSqlBefore() {
	}

}
