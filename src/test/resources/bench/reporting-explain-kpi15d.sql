-- ### after: SALES_CYCLE (program, 2026-Q4; V128: both sides from won_cycle_fact)
SELECT (WITH bounds AS (
  SELECT CAST(date_trunc('month', CAST(DATE '2026-10-01' AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
         CAST(date_trunc('month', CAST(DATE '2027-01-01' AS TIMESTAMP)) AS DATE) AS mt),
h AS (SELECT f.cycle_day, CAST(sum(f.won_count) AS BIGINT) AS n
      FROM won_cycle_fact f JOIN exchange_rate fx ON fx.currency = f.currency CROSS JOIN bounds b
      WHERE f.partner_involved = TRUE
        AND (f.month AND f.day >= b.mf AND f.day < b.mt
             OR NOT f.month AND f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND (f.day < b.mf OR f.day >= b.mt))
      GROUP BY f.cycle_day HAVING sum(f.won_count) > 0),
c AS (SELECT cycle_day, n, CAST(sum(n) OVER (ORDER BY cycle_day) AS BIGINT) AS upto FROM h),
r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
m AS (SELECT r.lo, r.hi, l.cycle_day AS first_day, l.upto - l.n AS before, u.cycle_day AS last_day
      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.cycle_day LIMIT 1) l
      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.cycle_day LIMIT 1) u),
v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.days) - 1 AS rank, x.days
      FROM m CROSS JOIN LATERAL (
        SELECT CAST(extract(epoch FROM o.closed_at - o.created_at) / 86400 AS DOUBLE PRECISION) AS days
        FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
        WHERE o.stage = 'CLOSED_WON' AND facts_cycle_day(o.created_at, o.closed_at) BETWEEN m.first_day AND m.last_day
          AND o.closed_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2027-01-01 00:00:00+00' AND o.partner_id IS NOT NULL) x)
SELECT CASE WHEN min(lo) = min(hi) THEN min(days) FILTER (WHERE rank = lo)
            ELSE min(days) FILTER (WHERE rank = lo)
                 + (min(days) FILTER (WHERE rank = hi) - min(days) FILTER (WHERE rank = lo))
                   * CAST(0.5 AS DOUBLE PRECISION) END
FROM v), 'partner' AS side
UNION ALL SELECT (WITH bounds AS (
  SELECT CAST(date_trunc('month', CAST(DATE '2026-10-01' AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
         CAST(date_trunc('month', CAST(DATE '2027-01-01' AS TIMESTAMP)) AS DATE) AS mt),
h AS (SELECT f.cycle_day, CAST(sum(f.won_count) AS BIGINT) AS n
      FROM won_cycle_fact f JOIN exchange_rate fx ON fx.currency = f.currency CROSS JOIN bounds b
      WHERE f.partner_involved = FALSE
        AND (f.month AND f.day >= b.mf AND f.day < b.mt
             OR NOT f.month AND f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND (f.day < b.mf OR f.day >= b.mt))
      GROUP BY f.cycle_day HAVING sum(f.won_count) > 0),
c AS (SELECT cycle_day, n, CAST(sum(n) OVER (ORDER BY cycle_day) AS BIGINT) AS upto FROM h),
r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
m AS (SELECT r.lo, r.hi, l.cycle_day AS first_day, l.upto - l.n AS before, u.cycle_day AS last_day
      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.cycle_day LIMIT 1) l
      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.cycle_day LIMIT 1) u),
v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.days) - 1 AS rank, x.days
      FROM m CROSS JOIN LATERAL (
        SELECT CAST(extract(epoch FROM o.closed_at - o.created_at) / 86400 AS DOUBLE PRECISION) AS days
        FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
        WHERE o.stage = 'CLOSED_WON' AND facts_cycle_day(o.created_at, o.closed_at) BETWEEN m.first_day AND m.last_day
          AND o.closed_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2027-01-01 00:00:00+00' AND o.partner_id IS  NULL) x)
SELECT CASE WHEN min(lo) = min(hi) THEN min(days) FILTER (WHERE rank = lo)
            ELSE min(days) FILTER (WHERE rank = lo)
                 + (min(days) FILTER (WHERE rank = hi) - min(days) FILTER (WHERE rank = lo))
                   * CAST(0.5 AS DOUBLE PRECISION) END
FROM v), 'direct';
-- ### after: SALES_CYCLE (PAM's book, 2026-Q4; V128: the book's won deals, the direct side from won_cycle_fact)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'partner' AS side
FROM partner p JOIN opportunity o ON o.partner_id = p.id JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01' AND o.closed_at < '2027-01-01' AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)
UNION ALL SELECT (WITH bounds AS (
  SELECT CAST(date_trunc('month', CAST(DATE '2026-10-01' AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
         CAST(date_trunc('month', CAST(DATE '2027-01-01' AS TIMESTAMP)) AS DATE) AS mt),
h AS (SELECT f.cycle_day, CAST(sum(f.won_count) AS BIGINT) AS n
      FROM won_cycle_fact f JOIN exchange_rate fx ON fx.currency = f.currency CROSS JOIN bounds b
      WHERE f.partner_involved = FALSE
        AND (f.month AND f.day >= b.mf AND f.day < b.mt
             OR NOT f.month AND f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND (f.day < b.mf OR f.day >= b.mt))
      GROUP BY f.cycle_day HAVING sum(f.won_count) > 0),
c AS (SELECT cycle_day, n, CAST(sum(n) OVER (ORDER BY cycle_day) AS BIGINT) AS upto FROM h),
r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
m AS (SELECT r.lo, r.hi, l.cycle_day AS first_day, l.upto - l.n AS before, u.cycle_day AS last_day
      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.cycle_day LIMIT 1) l
      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.cycle_day LIMIT 1) u),
v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.days) - 1 AS rank, x.days
      FROM m CROSS JOIN LATERAL (
        SELECT CAST(extract(epoch FROM o.closed_at - o.created_at) / 86400 AS DOUBLE PRECISION) AS days
        FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
        WHERE o.stage = 'CLOSED_WON' AND facts_cycle_day(o.created_at, o.closed_at) BETWEEN m.first_day AND m.last_day
          AND o.closed_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2027-01-01 00:00:00+00' AND o.partner_id IS  NULL) x)
SELECT CASE WHEN min(lo) = min(hi) THEN min(days) FILTER (WHERE rank = lo)
            ELSE min(days) FILTER (WHERE rank = lo)
                 + (min(days) FILTER (WHERE rank = hi) - min(days) FILTER (WHERE rank = lo))
                   * CAST(0.5 AS DOUBLE PRECISION) END
FROM v), 'direct';
-- ### check: SALES_CYCLE (program, 2026-Q4): the statement before V128 (compare the medians printed by the benchmark's per-KPI run)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'partner' AS side FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01' AND o.closed_at < '2027-01-01' AND o.partner_id IS NOT NULL
UNION ALL
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'direct' FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01' AND o.closed_at < '2027-01-01' AND o.partner_id IS NULL;
