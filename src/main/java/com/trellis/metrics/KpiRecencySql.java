package com.trellis.metrics;

/**
 * The program's activated partners and active partner rate from the kept counts of each
 * onboarded partner's latest win or activity (module {@code facts}, V129) and, for the
 * partners of a past period, the kept pauses between a partner's events (V203) or won
 * deals (V204): statements binding {@code :asOf}, {@code :asOfMinus30} or
 * {@code :asOfMinus90} and {@code :asOfDate} of {@link KpiRepository#bind}, used by
 * {@link KpiSql}.
 */
final class KpiRecencySql {

	private KpiRecencySql() {
	}

	/**
	 * The program's count of onboarded partners (onboarded before {@code :asOfDate}, not
	 * prospect or sunset) whose latest activity or win lies in {@code [start, :asOf)},
	 * and of all those partners, from the kept counts (V129):
	 * {@code partner_recency_fact} counts today's onboarded partners per UTC day of their
	 * latest ({@code measure}), {@code partner_recency} holds each partner's latest
	 * moment ({@code column}) and whether it is counted today ({@code counted}). The
	 * numerator is the counts of the whole UTC days strictly inside the window, less the
	 * partners among them onboarded on or after the as-of day (by
	 * {@code partner_recency_onboarded_idx}), plus the partners whose latest falls on the
	 * window's first or last UTC day inside the window (by the moment's index), plus
	 * those whose latest is at or after {@code :asOf} and for whom {@code atOrAfter} (SQL
	 * over {@code r}) finds one in the window; the denominator all counts less the
	 * partners onboarded on or after the as-of day. Equal to counting every partner.
	 */
	static String recency(String measure, String column, String start, String atOrAfter) {
		return recencyWith(measure, column, start, """
				(SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < :asOfDate
				        AND r.%1$s >= :asOf AND %2$s)""".formatted(column, atOrAfter));
	}

	/**
	 * The program's count of onboarded partners whose latest activity lies at or after
	 * {@code :asOf} and who have an event in {@code [:asOfMinus30, :asOf)}, for
	 * {@link #recencyWith} (V203, home24): {@link #atOrAfterLessPauses} over the kept
	 * pauses between a partner's events ({@code partner_activity_gap}, longer than 28
	 * days). Equal to probing each partner's events ({@code KpiRecencyGapsTests}).
	 */
	static final String ACTIVE_AT_OR_AFTER = atOrAfterLessPauses("A", "activity_at", ":asOfMinus30",
			"partner_activity_gap");

	/**
	 * The program's count of onboarded partners whose latest win lies at or after
	 * {@code :asOf} and who have a win in {@code [:asOfMinus90, :asOf)}, for
	 * {@link #recencyWith} (V204, act26): {@link #atOrAfterLessPauses} over the kept
	 * pauses between a partner's won deals ({@code partner_win_gap}, longer than 88
	 * days). Equal to probing each partner's won deals ({@code KpiWinGapsTests}).
	 */
	static final String WON_AT_OR_AFTER = atOrAfterLessPauses("W", "win_at", ":asOfMinus90", "partner_win_gap");

	/**
	 * The program's count of onboarded partners whose latest ({@code column} of
	 * {@code partner_recency}, {@code measure} of {@code partner_recency_fact}) lies at
	 * or after {@code :asOf} and who have one in {@code [start, :asOf)}: the partners
	 * whose latest is on a UTC day after the as-of moment's (kept counts per day, less
	 * those onboarded on or after the as-of day), plus those whose latest is on that day
	 * at or after the moment (the moment's index), less those whose kept pause
	 * ({@code gaps}: {@code prev_at} and {@code next_at} of consecutive moments, or of
	 * the start of time and the first, longer than the window less a summer-time hour)
	 * begins before {@code start} and ends at or after {@code :asOf}: such a partner has
	 * none in the window, and a partner has at most one such pause. Reads the day counts
	 * and the pauses ending after the as-of moment, not each partner's rows.
	 */
	static String atOrAfterLessPauses(String measure, String column, String start, String gaps) {
		return """
				((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
				  WHERE f.measure = '%1$s' AND f.day > b.last_day)
				 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= :asOfDate
				    AND r.%2$s >= b.next_start)
				 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < :asOfDate
				    AND r.%2$s >= :asOf AND r.%2$s < b.next_start)
				 - (SELECT count(*) FROM %4$s g JOIN partner_recency r ON r.partner_id = g.partner_id
				    WHERE g.next_at >= :asOf AND g.prev_at < %3$s AND r.counted AND r.onboarded_on < :asOfDate))"""
			.formatted(measure, column, start, gaps);
	}

	/**
	 * As {@link #recency}, the partners whose latest lies at or after {@code :asOf} and
	 * who have one in the window counted by {@code atOrAfterCount} (a scalar SQL
	 * expression, which may read the CTE {@code edges}: {@code first_day},
	 * {@code last_day}, {@code first_end}, {@code last_start}, {@code next_start}).
	 */
	static String recencyWith(String measure, String column, String start, String atOrAfterCount) {
		return """
				WITH days AS (SELECT CAST(CAST(%3$s AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
				                  CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
				edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
				             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
				             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
				SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
				        WHERE f.measure = '%1$s' AND f.day > b.first_day AND f.day < b.last_day)
				     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= :asOfDate
				        AND r.%2$s >= b.first_end AND r.%2$s < b.last_start)
				     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < :asOfDate
				        AND r.%2$s >= %3$s AND r.%2$s < (SELECT first_end FROM edges))
				     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < :asOfDate
				        AND r.%2$s >= (SELECT last_start FROM edges) AND r.%2$s < :asOf)
				     + %4$s,
				       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = '%1$s')
				     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= :asOfDate)
				"""
			.formatted(measure, column, start, atOrAfterCount);
	}

	/**
	 * The program's count of onboarded partners with a latest ({@code column} of
	 * {@code partner_recency}, {@code measure} of {@code partner_recency_fact}) in
	 * {@code [start, asOf)} and of all those partners, for {@code periods} windows at
	 * once: one row {@code (i, numerator, denominator)} per window {@code i} (0-based, in
	 * order), each equal to {@link #recencyWith} over {@link #atOrAfterLessPauses} of the
	 * same measure, column and pauses ({@code gaps}, each longer than {@code pauseDays}
	 * days) with that window's parameters. Window {@code i} binds {@code :asOf<i>},
	 * {@code :start<i>} (timestamps) and {@code :asOfDate<i>} (a date).
	 * <p>
	 * The pauses covering a window (beginning before its start, ending at or after its
	 * as-of moment) of the counted partners are read from the kept counts per UTC day of
	 * the pauses' ends and starts ({@code partner_pause_day_fact}, V252): {@code #{next ≥
	 * asOf} − #{prev ≥ start} + #{start ≤ prev, next < asOf}}, each of the first two the
	 * day counts after the edge's UTC day plus that day's pauses at or after the edge (by
	 * index), the last the few pauses ending in the window's last days (a pause is longer
	 * than the window less {@code pauseDays}' margin); those of partners onboarded on or
	 * after the window's as-of day are then taken off from their own pauses. The partners
	 * onboarded on or after the earliest as-of day are read once for every window; the
	 * kept day counts and the edge days are read per window.
	 */
	static String recencyWindows(String measure, String column, String gaps, int pauseDays, int periods) {
		var windows = new java.util.ArrayList<String>();
		for (int i = 0; i < periods; i++) {
			windows.add(
					"(%1$d, CAST(:asOf%1$d AS TIMESTAMPTZ), CAST(:start%1$d AS TIMESTAMPTZ), CAST(:asOfDate%1$d AS DATE))"
						.formatted(i));
		}
		return """
				WITH d AS (SELECT v.i, v.as_of, v.start, v.as_of_date,
				                  CAST(v.start AT TIME ZONE 'UTC' AS DATE) AS first_day,
				                  CAST(v.as_of AT TIME ZONE 'UTC' AS DATE) AS last_day
				           FROM (VALUES %4$s) v (i, as_of, start, as_of_date)),
				w AS MATERIALIZED (SELECT d.*, CAST(d.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
				                          CAST(d.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
				                          CAST(d.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM d),
				late AS (SELECT w.i, count(*) FILTER (WHERE r.%2$s >= w.first_end AND r.%2$s < w.last_start) AS inside,
				                count(*) FILTER (WHERE r.%2$s >= w.next_start) AS after, count(*) AS partners
				         FROM w JOIN partner_recency r ON r.counted AND r.onboarded_on >= w.as_of_date
				         WHERE r.onboarded_on >= (SELECT min(as_of_date) FROM w)
				         GROUP BY w.i),
				late_paused AS MATERIALIZED (SELECT g.prev_at, g.next_at, r.onboarded_on
				           FROM partner_recency r JOIN %3$s g ON g.partner_id = r.partner_id
				           WHERE r.counted AND r.onboarded_on >= (SELECT min(as_of_date) FROM w)
				             AND g.next_at >= (SELECT min(as_of) FROM w)),
				late_cover AS (SELECT w.i, count(*) AS n FROM w JOIN late_paused x
				                 ON x.next_at >= w.as_of AND x.prev_at < w.start AND x.onboarded_on >= w.as_of_date
				               GROUP BY w.i),
				cover AS (SELECT w.i,
				              (SELECT COALESCE(sum(f.pauses), 0) FROM partner_pause_day_fact f
				               WHERE f.measure = '%1$s' AND f.edge = 'E' AND f.day > w.last_day)
				            + (SELECT count(*) FROM %3$s g JOIN partner_recency r ON r.partner_id = g.partner_id AND r.counted
				               WHERE g.next_at >= w.as_of AND g.next_at < w.next_start)
				            - (SELECT COALESCE(sum(f.pauses), 0) FROM partner_pause_day_fact f
				               WHERE f.measure = '%1$s' AND f.edge = 'S' AND f.day > w.first_day)
				            - (SELECT count(*) FROM %3$s g JOIN partner_recency r ON r.partner_id = g.partner_id AND r.counted
				               WHERE g.prev_at >= w.start AND g.prev_at < w.first_end)
				            + (SELECT count(*) FROM %3$s g JOIN partner_recency r ON r.partner_id = g.partner_id AND r.counted
				               WHERE g.next_at >= w.start + make_interval(hours => 24 * %5$d) AND g.next_at < w.as_of
				                 AND g.prev_at >= w.start) AS n
				          FROM w)
				SELECT w.i,
				       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
				        WHERE f.measure = '%1$s' AND f.day > w.first_day AND f.day < w.last_day)
				     - COALESCE(l.inside, 0)
				     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
				        AND r.%2$s >= w.start AND r.%2$s < w.first_end)
				     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
				        AND r.%2$s >= w.last_start AND r.%2$s < w.as_of)
				     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
				         WHERE f.measure = '%1$s' AND f.day > w.last_day)
				        - COALESCE(l.after, 0)
				        + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
				           AND r.%2$s >= w.as_of AND r.%2$s < w.next_start)
				        - (c.n - COALESCE(lc.n, 0))),
				       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = '%1$s')
				     - COALESCE(l.partners, 0)
				FROM w JOIN cover c ON c.i = w.i LEFT JOIN late l ON l.i = w.i LEFT JOIN late_cover lc ON lc.i = w.i
				ORDER BY w.i
				"""
			.formatted(measure, column, gaps, String.join(", ", windows), pauseDays);
	}

}
