-- ### rows: gaps, recency facts, gaps ending at or after 2026-07-01, covering gaps
SELECT (SELECT count(*) FROM partner_win_gap) AS win_gaps, (SELECT count(*) FROM partner_activity_gap) AS activity_gaps,
       (SELECT count(*) FROM partner_recency_fact) AS recency_fact_rows, (SELECT count(*) FROM partner_recency) AS recency,
       (SELECT count(*) FROM partner_win_gap WHERE next_at >= TIMESTAMPTZ '2026-07-01 00:00Z') AS win_after,
       (SELECT count(*) FROM partner_win_gap WHERE next_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND prev_at < TIMESTAMPTZ '2026-04-02 00:00Z') AS win_cover,
       (SELECT count(*) FROM partner_activity_gap WHERE next_at >= TIMESTAMPTZ '2026-07-01 00:00Z') AS act_after,
       (SELECT count(*) FROM partner_activity_gap WHERE next_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND prev_at < TIMESTAMPTZ '2026-06-01 00:00Z') AS act_cover,
       (SELECT count(*) FROM partner_first_win_fact) AS first_wins;

-- ### activated partners as of 2026-07-01 (a past trend period, KpiSql.activated, program)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-04-02 00:00Z' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00Z' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-04-02 00:00Z' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-07-01 00:00Z')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'W' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.win_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.win_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND r.win_at < b.next_start)
 - (SELECT count(*) FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND g.prev_at < TIMESTAMPTZ '2026-04-02 00:00Z' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### active partners as of 2026-07-01 (a past trend period, KpiSql.activePartners, program)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-06-01 00:00Z' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00Z' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-06-01 00:00Z' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-07-01 00:00Z')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'A' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.activity_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.activity_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND r.activity_at < b.next_start)
 - (SELECT count(*) FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND g.prev_at < TIMESTAMPTZ '2026-06-01 00:00Z' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### the program's time to first revenue over 2026-04-01..2026-07-01, the partner by its key (scalar subquery)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days)
FROM (SELECT CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - (SELECT p.onboarded_on FROM partner p WHERE p.id = f.partner_id) AS days
      FROM partner_first_win_fact f WHERE f.first_win >= TIMESTAMPTZ '2026-04-01 00:00Z' AND f.first_win < TIMESTAMPTZ '2026-07-01 00:00Z') x
WHERE x.days IS NOT NULL;

-- ### the program's time to first revenue over 2026-04-01..2026-07-01 (KpiSql.firstRevenue, as now)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner_first_win_fact f JOIN partner p ON p.id = f.partner_id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= TIMESTAMPTZ '2026-04-01 00:00Z' AND f.first_win < TIMESTAMPTZ '2026-07-01 00:00Z' AND TRUE;

-- ### activated partners of five past quarters in one statement (RecencyTrend, KpiRecencySql.recencyWindows)
WITH d AS (SELECT v.i, v.as_of, v.start, v.as_of_date,
                  CAST(v.start AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(v.as_of AT TIME ZONE 'UTC' AS DATE) AS last_day
           FROM (VALUES (0, TIMESTAMPTZ '2025-10-01 00:00Z', TIMESTAMPTZ '2025-07-03 00:00Z', DATE '2025-10-01'), (1, TIMESTAMPTZ '2026-01-01 00:00Z', TIMESTAMPTZ '2025-10-03 00:00Z', DATE '2026-01-01'), (2, TIMESTAMPTZ '2026-04-01 00:00Z', TIMESTAMPTZ '2026-01-01 00:00Z', DATE '2026-04-01'), (3, TIMESTAMPTZ '2026-07-01 00:00Z', TIMESTAMPTZ '2026-04-02 00:00Z', DATE '2026-07-01'), (4, TIMESTAMPTZ '2026-10-01 00:00Z', TIMESTAMPTZ '2026-07-03 00:00Z', DATE '2026-10-01')) v (i, as_of, start, as_of_date)),
w AS MATERIALIZED (SELECT d.*, CAST(d.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
                          CAST(d.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
                          CAST(d.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM d),
late AS (SELECT w.i, count(*) FILTER (WHERE r.win_at >= w.first_end AND r.win_at < w.last_start) AS inside,
                count(*) FILTER (WHERE r.win_at >= w.next_start) AS after, count(*) AS partners
         FROM w JOIN partner_recency r ON r.counted AND r.onboarded_on >= w.as_of_date
         WHERE r.onboarded_on >= (SELECT min(as_of_date) FROM w)
         GROUP BY w.i),
paused AS MATERIALIZED (SELECT g.prev_at, g.next_at, r.onboarded_on
           FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
           WHERE r.counted AND g.next_at >= (SELECT min(as_of) FROM w)),
cover AS (SELECT w.i, count(*) AS n FROM w JOIN paused x
            ON x.next_at >= w.as_of AND x.prev_at < w.start AND x.onboarded_on < w.as_of_date
          GROUP BY w.i)
SELECT w.i,
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
        WHERE f.measure = 'W' AND f.day > w.first_day AND f.day < w.last_day)
     - COALESCE(l.inside, 0)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
        AND r.win_at >= w.start AND r.win_at < w.first_end)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
        AND r.win_at >= w.last_start AND r.win_at < w.as_of)
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
         WHERE f.measure = 'W' AND f.day > w.last_day)
        - COALESCE(l.after, 0)
        + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
           AND r.win_at >= w.as_of AND r.win_at < w.next_start)
        - COALESCE(c.n, 0)),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - COALESCE(l.partners, 0)
FROM w LEFT JOIN late l ON l.i = w.i LEFT JOIN cover c ON c.i = w.i
ORDER BY w.i;

-- ### active partner rate of five past quarters in one statement (RecencyTrend, KpiRecencySql.recencyWindows)
WITH d AS (SELECT v.i, v.as_of, v.start, v.as_of_date,
                  CAST(v.start AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(v.as_of AT TIME ZONE 'UTC' AS DATE) AS last_day
           FROM (VALUES (0, TIMESTAMPTZ '2025-10-01 00:00Z', TIMESTAMPTZ '2025-09-01 00:00Z', DATE '2025-10-01'), (1, TIMESTAMPTZ '2026-01-01 00:00Z', TIMESTAMPTZ '2025-12-02 00:00Z', DATE '2026-01-01'), (2, TIMESTAMPTZ '2026-04-01 00:00Z', TIMESTAMPTZ '2026-03-02 00:00Z', DATE '2026-04-01'), (3, TIMESTAMPTZ '2026-07-01 00:00Z', TIMESTAMPTZ '2026-06-01 00:00Z', DATE '2026-07-01'), (4, TIMESTAMPTZ '2026-10-01 00:00Z', TIMESTAMPTZ '2026-09-01 00:00Z', DATE '2026-10-01')) v (i, as_of, start, as_of_date)),
w AS MATERIALIZED (SELECT d.*, CAST(d.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
                          CAST(d.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
                          CAST(d.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM d),
late AS (SELECT w.i, count(*) FILTER (WHERE r.activity_at >= w.first_end AND r.activity_at < w.last_start) AS inside,
                count(*) FILTER (WHERE r.activity_at >= w.next_start) AS after, count(*) AS partners
         FROM w JOIN partner_recency r ON r.counted AND r.onboarded_on >= w.as_of_date
         WHERE r.onboarded_on >= (SELECT min(as_of_date) FROM w)
         GROUP BY w.i),
paused AS MATERIALIZED (SELECT g.prev_at, g.next_at, r.onboarded_on
           FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
           WHERE r.counted AND g.next_at >= (SELECT min(as_of) FROM w)),
cover AS (SELECT w.i, count(*) AS n FROM w JOIN paused x
            ON x.next_at >= w.as_of AND x.prev_at < w.start AND x.onboarded_on < w.as_of_date
          GROUP BY w.i)
SELECT w.i,
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
        WHERE f.measure = 'A' AND f.day > w.first_day AND f.day < w.last_day)
     - COALESCE(l.inside, 0)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
        AND r.activity_at >= w.start AND r.activity_at < w.first_end)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
        AND r.activity_at >= w.last_start AND r.activity_at < w.as_of)
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f
         WHERE f.measure = 'A' AND f.day > w.last_day)
        - COALESCE(l.after, 0)
        + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < w.as_of_date
           AND r.activity_at >= w.as_of AND r.activity_at < w.next_start)
        - COALESCE(c.n, 0)),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - COALESCE(l.partners, 0)
FROM w LEFT JOIN late l ON l.i = w.i LEFT JOIN cover c ON c.i = w.i
ORDER BY w.i;

-- ### the program's time to first revenue over 2026-04-01..2026-07-01 from the first-win index alone (V244)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - f.onboarded_on)
FROM partner_first_win_fact f
WHERE f.onboarded_on IS NOT NULL AND f.first_win >= TIMESTAMPTZ '2026-04-01 00:00Z' AND f.first_win < TIMESTAMPTZ '2026-07-01 00:00Z';
