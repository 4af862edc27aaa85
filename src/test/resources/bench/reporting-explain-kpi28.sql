-- ### rows: won_cycle_fact rows (month and day rows) and the program's won deals of 2026-Q3
SELECT (SELECT count(*) FROM won_cycle_fact WHERE month) AS month_rows,
       (SELECT count(*) FROM won_cycle_fact WHERE NOT month) AS day_rows,
       (SELECT count(*) FROM opportunity WHERE stage = 'CLOSED_WON' AND closed_at >= TIMESTAMPTZ '2026-07-01 00:00Z'
          AND closed_at < TIMESTAMPTZ '2026-10-01 00:00Z') AS won;

-- ### the program's partner-involved sales cycle median over 2026-07-01..2026-10-01 (a past trend period, KpiSql.keptMedian)
SELECT (WITH bounds AS (
  SELECT CAST(date_trunc('month', CAST(DATE '2026-07-01' AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
         CAST(date_trunc('month', CAST(DATE '2026-10-01' AS TIMESTAMP)) AS DATE) AS mt),
h AS (SELECT f.cycle_day AS bucket, CAST(sum(f.won_count) AS BIGINT) AS n
      FROM won_cycle_fact f JOIN exchange_rate fx ON fx.currency = f.currency CROSS JOIN bounds b
      WHERE f.partner_involved = TRUE
        AND (f.month AND f.day >= b.mf AND f.day < b.mt
             OR NOT f.month AND f.day >= DATE '2026-07-01' AND f.day < DATE '2026-10-01' AND (f.day < b.mf OR f.day >= b.mt))
      GROUP BY f.cycle_day HAVING sum(f.won_count) > 0),
c AS (SELECT bucket, n, CAST(sum(n) OVER (ORDER BY bucket) AS BIGINT) AS upto FROM h),
r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
m AS (SELECT r.lo, r.hi, l.bucket AS first_bucket, l.upto - l.n AS before, u.bucket AS last_bucket
      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.bucket LIMIT 1) l
      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.bucket LIMIT 1) u),
v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.value) - 1 AS rank, x.value
      FROM m CROSS JOIN LATERAL (
        SELECT CAST(extract(epoch FROM o.closed_at - o.created_at) / 86400 AS DOUBLE PRECISION) AS value
        FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
        WHERE o.stage = 'CLOSED_WON' AND facts_cycle_day(o.created_at, o.closed_at) BETWEEN m.first_bucket AND m.last_bucket
          AND o.closed_at >= TIMESTAMPTZ '2026-07-01 00:00Z' AND o.closed_at < TIMESTAMPTZ '2026-10-01 00:00Z' AND o.partner_id IS NOT NULL) x)
SELECT CASE WHEN min(lo) = min(hi) THEN min(value) FILTER (WHERE rank = lo)
            ELSE min(value) FILTER (WHERE rank = lo)
                 + (min(value) FILTER (WHERE rank = hi) - min(value) FILTER (WHERE rank = lo))
                   * CAST(0.5 AS DOUBLE PRECISION) END
FROM v);

-- ### the program's time to first revenue over 2026-07-01..2026-10-01 (a past trend period, KpiSql.firstRevenue)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner_first_win_fact f JOIN partner p ON p.id = f.partner_id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= TIMESTAMPTZ '2026-07-01 00:00Z' AND f.first_win < TIMESTAMPTZ '2026-10-01 00:00Z' AND TRUE;
