-- ### active partners as of 2026-07-01 00:00:00+00, before: each partner's events probed
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-06-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
        AND e.occurred_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND e.occurred_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### active partners as of 2026-07-01 00:00:00+00, after: the kept pauses (V203)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-06-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'A' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.activity_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.activity_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND r.activity_at < b.next_start)
 - (SELECT count(*) FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### rows: active partners as of 2026-07-01 00:00:00+00, before then after
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-06-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
        AND e.occurred_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND e.occurred_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01')) UNION ALL (WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-06-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'A' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.activity_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.activity_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND r.activity_at < b.next_start)
 - (SELECT count(*) FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-06-01 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'));

-- ### active partners as of 2026-10-01 00:00:00+00, before: each partner's events probed
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-09-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
        AND e.occurred_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND e.occurred_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01');

-- ### active partners as of 2026-10-01 00:00:00+00, after: the kept pauses (V203)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-09-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'A' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
    AND r.activity_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
    AND r.activity_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.activity_at < b.next_start)
 - (SELECT count(*) FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-10-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01');

-- ### rows: active partners as of 2026-10-01 00:00:00+00, before then after
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-09-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
        AND e.occurred_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND e.occurred_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01')) UNION ALL (WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-09-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'A' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
    AND r.activity_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
    AND r.activity_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.activity_at < b.next_start)
 - (SELECT count(*) FROM partner_activity_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-09-01 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-10-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'));

-- ### rows: kept pauses, partners with one, pauses ending in 2026
SELECT count(*), count(DISTINCT partner_id), count(*) FILTER (WHERE next_at >= TIMESTAMPTZ '2026-01-01 00:00:00+00') FROM partner_activity_gap;
