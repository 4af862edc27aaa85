package com.trellis.roi;

import java.util.function.UnaryOperator;

/**
 * The program's reinvest list ('R' rows of {@link RoiProgramPageSql#PAGE}; roi40): the
 * first {@code :reinvested} partners outside tier 1 in the order of {@link VelocityRule}
 * (shift SHIFT_TO, INVEST_FIRST, HOLD, SHIFT_FROM, UNKNOWN; points per 1,000 highest
 * first; momentum highest first; id), from the costs of a bounded set of candidates
 * instead of every partner with a momentum (40,000 with stored scores, most of the
 * statement's time). The CTEs need {@code fixed}, {@code paid}, {@code spend} and
 * {@code flat} of the program's statement and end with {@code chosen} (id, name, tier on
 * the day, cost, momentum and {@code ord}, the place in the list).
 * <p>
 * Each partner's tier and PAM charge on the day are the kept ones
 * ({@code roi_partner_kept}, V223) except for the partners whose tier or charge on the
 * day differs ({@code fixed}); its momentum is the kept one (V288,
 * {@code roi_momentum_week}, {@link #MOMENTUM_OF}), so that no partner's momentum is
 * computed per request and only a few are read ({@code scored}, ro41; before, every
 * partner's from two weeks of scores, the largest part of the statement's time). The
 * candidates:
 * <ul>
 * <li>Without a momentum (shift UNKNOWN, after every partner with one, among themselves
 * by id): the first {@code :reinvested} by id, and only when fewer than
 * {@code :reinvested} partners have a momentum.</li>
 * <li>When at least {@code :reinvested} partners have a momentum of at least
 * {@code :building} (5 points), only those: each of them is SHIFT_TO (cost above 0) or
 * INVEST_FIRST (cost 0 or less), every other partner HOLD, SHIFT_FROM or UNKNOWN.</li>
 * <li>Of those left, every partner paid or spent on in the quarter, and of the others
 * (whose cost is their enablement hours' price plus their PAM time) only the first
 * {@code :reinvested} by momentum (highest first) and id among those with the same PAM
 * charge on the day and the same hours (the same hours value when an hour costs
 * something; none counted when no hour costs anything, {@code flat}). Such partners cost
 * the same, and among partners of one cost the order is momentum highest first, then id:
 * the shift only moves later as the momentum falls (a cost above 0: SHIFT_TO, HOLD,
 * SHIFT_FROM; 0 or less: INVEST_FIRST, HOLD), and within a shift the points per 1,000
 * (the momentum times 1,000 over the one cost, rounded) only fall or stay, the ties going
 * to the momentum and then the id. So each partner after the first {@code :reinvested} of
 * its kind has that many before it in the list and cannot be in it.</li>
 * </ul>
 * Only the candidates' costs are computed ({@link RoiProgramPageSql#costsOf}: the same
 * sum of the same parts as the listed partners'); the first {@code :reinvested} of them
 * in the order are read in full ({@link RoiProgramPageSql#figuresOfFew}). With no hour
 * cost (the large data) that is at most twice {@code :reinvested} partners and those paid
 * or spent on. Any larger set of partners with their true figures gives the same list
 * (the order is total), so a class may be split in parts, each of whose first
 * {@code :reinvested} are taken ({@code scored}: the partners told by themselves and the
 * heads of the others per kept charge).
 */
final class RoiReinvestSql {

	/**
	 * A partner's momentum as of {@code :asOf} (the partner's id in {@code %s}): the kept
	 * momentum of its latest week with a known behaviour score by then (V288,
	 * {@code roi_momentum_week}; its latest known behaviour score by {@code :asOf} less
	 * its latest one at least 56 days older), null without one. One probe of the key.
	 */
	static final String MOMENTUM_OF = """
			(SELECT w.momentum FROM roi_momentum_week w WHERE w.partner_id = %s AND w.week_start <= :asOf
			 ORDER BY w.week_start DESC LIMIT 1)""";

	/**
	 * The current momenta (and those in force on a past day before a later week) read in
	 * order for the heads of the classes ({@code heads_of}): a constant, so that the
	 * generic plan reads them from the head of the index. A charge of which the first
	 * {@value} of a part hold fewer than {@code :reinvested} is read in full.
	 */
	static final int HEAD = 1000;

	/**
	 * The partners whose cost is told by themselves ({@code own}: paid or spent on, tier
	 * or charge on the day differing from the kept ones ({@code fixed}), and with hours
	 * when an hour costs something), their momentum each looked up by itself
	 * ({@code looked}: outside tier 1 on the day, with a momentum, their PAM charge on
	 * the day and hours); of every other partner (cost: the PAM time of its kept charge)
	 * the first {@code :reinvested} by momentum (highest first) and id outside tier 1 of
	 * each kept charge ({@code classed}), taken from the first {@link #HEAD} current
	 * momenta in order (the head of {@code roi_momentum_week_current_idx}) and the first
	 * of the rows in force on a past day before a later week (read only when such a week
	 * is kept: a past quarter's day), each part by itself ({@code heads_of}); a charge of
	 * which a part cut at {@link #HEAD} holds fewer than {@code :reinvested} is read over
	 * every partner. Both together: {@code scored}.
	 */
	private static final String SCORED = """
			own AS MATERIALIZED (
			    SELECT partner_id AS id FROM paid
			    UNION SELECT partner_id FROM spend
			    UNION SELECT partner_id FROM fixed
			    UNION SELECT q.partner_id FROM roi_partner_quarter_fact q
			    WHERE NOT (SELECT yes FROM flat) AND q.quarter = :fromDay AND q.hours_months > 0
			),
			looked AS MATERIALIZED (
			    SELECT c.id, c.charged, c.paid, c.hours, c.momentum FROM (
			        SELECT o.id, CASE WHEN x.partner_id IS NULL THEN k.tier ELSE x.tier END AS tier,
			               CASE WHEN x.partner_id IS NULL THEN k.charged ELSE x.charged END AS charged,
			               o.id IN (SELECT partner_id FROM paid) OR o.id IN (SELECT partner_id FROM spend) AS paid,
			               coalesce(q.hours, 0) AS hours, %1$s AS momentum
			        FROM own o CROSS JOIN LATERAL (SELECT k.tier, k.charged FROM roi_partner_kept k
			                                       WHERE k.partner_id = o.id OFFSET 0) k
			        LEFT JOIN fixed x ON x.partner_id = o.id
			        LEFT JOIN roi_partner_quarter_fact q
			          ON NOT (SELECT yes FROM flat) AND q.quarter = :fromDay AND q.partner_id = o.id AND q.hours_months > 0
			    ) c
			    WHERE c.momentum IS NOT NULL AND c.tier IS DISTINCT FROM 'TIER_1_INVEST'
			),
			heads_of AS MATERIALIZED (
			    SELECT m.partner_id, m.momentum, m.part, k.charged, k.tier FROM (
			        (SELECT w.partner_id, w.momentum, 1 AS part FROM roi_momentum_week w
			         WHERE w.next_week IS NULL AND w.momentum IS NOT NULL AND w.week_start <= :asOf
			         ORDER BY w.momentum DESC, w.partner_id LIMIT %2$d)
			        UNION ALL
			        (SELECT w.partner_id, w.momentum, 2 FROM roi_momentum_week w
			         WHERE :asOf < (SELECT max(v.next_week) FROM roi_momentum_week v)
			           AND w.next_week BETWEEN CAST(:asOf AS DATE) + 1 AND (SELECT max(v.next_week) FROM roi_momentum_week v)
			           AND w.momentum IS NOT NULL AND w.week_start <= :asOf
			         ORDER BY w.momentum DESC, w.partner_id LIMIT %2$d)
			    ) m
			    LEFT JOIN LATERAL (SELECT k.charged, k.tier FROM roi_partner_kept k WHERE k.partner_id = m.partner_id
			                       OFFSET 0) k ON true
			),
			classed AS MATERIALIZED (
			    SELECT h.id, c.charged, false AS paid, CAST(0 AS NUMERIC) AS hours, h.momentum
			    FROM (VALUES (true), (false)) c (charged)
			    CROSS JOIN LATERAL (
			        SELECT m.partner_id AS id, m.momentum FROM heads_of m
			        WHERE m.charged = c.charged AND m.tier IS DISTINCT FROM 'TIER_1_INVEST'
			          AND m.partner_id NOT IN (SELECT id FROM own)
			        ORDER BY m.momentum DESC, m.partner_id LIMIT :reinvested
			    ) h
			    UNION
			    SELECT h.id, c.charged, false, CAST(0 AS NUMERIC), h.momentum
			    FROM (VALUES (true), (false)) c (charged)
			    CROSS JOIN LATERAL (
			        SELECT m.partner_id AS id, m.momentum FROM (
			            SELECT w.partner_id, w.momentum FROM roi_momentum_week w
			            WHERE w.next_week IS NULL AND w.momentum IS NOT NULL AND w.week_start <= :asOf
			            UNION ALL
			            SELECT w.partner_id, w.momentum FROM roi_momentum_week w
			            WHERE w.next_week > :asOf AND w.momentum IS NOT NULL AND w.week_start <= :asOf
			        ) m
			        JOIN roi_partner_kept k ON k.partner_id = m.partner_id
			        WHERE k.charged = c.charged AND k.tier IS DISTINCT FROM 'TIER_1_INVEST'
			          AND m.partner_id NOT IN (SELECT id FROM own)
			        ORDER BY m.momentum DESC, m.partner_id LIMIT :reinvested
			    ) h
			    WHERE EXISTS (SELECT 1 FROM (
			            SELECT count(*) AS n,
			                   count(*) FILTER (WHERE x.charged = c.charged AND x.tier IS DISTINCT FROM 'TIER_1_INVEST'
			                                      AND x.partner_id NOT IN (SELECT id FROM own)) AS found
			            FROM heads_of x GROUP BY x.part) y
			        WHERE y.n = %2$d AND y.found < :reinvested)
			),
			scored AS (
			    SELECT id, charged, paid, hours, momentum FROM looked
			    UNION ALL
			    SELECT id, charged, paid, hours, momentum FROM classed
			),
			"""
		.formatted(MOMENTUM_OF.formatted("o.id"), HEAD);

	/**
	 * How many partners have a momentum and how many of those one of at least
	 * {@code :building}, each counted up to {@code :reinvested} ({@code reach}: from
	 * {@code scored}, which holds the first {@code :reinvested} of each class by
	 * momentum, so as many of either as there are, up to that); the candidates with a
	 * momentum ({@code heads}, see the class) and without ({@code unscored}: only when
	 * fewer than {@code :reinvested} have one, when {@code scored} holds every partner
	 * with one).
	 */
	private static final String CANDIDATES = """
			reach AS (
			    SELECT (SELECT count(*) FROM (SELECT 1 FROM scored LIMIT :reinvested) s) AS scored,
			           (SELECT count(*) FROM (SELECT 1 FROM scored m WHERE m.momentum >= :building LIMIT :reinvested) b)
			             AS building
			),
			heads AS (
			    SELECT h.id, h.momentum FROM (
			        SELECT m.id, m.momentum, m.paid,
			               row_number() OVER (PARTITION BY m.paid, m.charged, m.hours ORDER BY m.momentum DESC, m.id) AS n
			        FROM scored m
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
			      AND p.id NOT IN (SELECT m.id FROM scored m)
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
	static String ctes(UnaryOperator<String> costs, UnaryOperator<String> figures) {
		return SCORED + CANDIDATES + CHOSEN.formatted(RoiPageSql.halfEven("m.momentum * 1000 / m.cost"),
				costs.apply("SELECT id FROM reinvest_ids"), figures.apply("SELECT id FROM picked"));
	}

	/**
	 * Which way the statement read the reinvest list (for the tests), after the
	 * statement's CTEs up to {@code flat} ({@code before}) and its {@link #ctes}: the
	 * partners with a momentum and those of at least {@code :building}, each counted up
	 * to {@code :reinvested}, and the number of candidates whose costs are computed.
	 */
	static String path(String before, String ctes) {
		return before + ctes + """
				path AS (SELECT 1)
				SELECT (SELECT scored FROM reach) AS scored, (SELECT building FROM reach) AS building,
				       (SELECT count(*) FROM reinvest_ids) AS candidates
				""";
	}

	private RoiReinvestSql() {
	}

}
