-- ### activated partners as of 2026-07-01 00:00:00+00, before: each partner's won deals probed
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-04-02 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### activated partners as of 2026-07-01 00:00:00+00, after: the kept pauses between wins (V204)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-04-02 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'W' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.win_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.win_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND r.win_at < b.next_start)
 - (SELECT count(*) FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01');

-- ### rows: activated partners as of 2026-07-01 00:00:00+00, before then after
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-04-02 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'))
UNION ALL
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-04-02 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-07-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-07-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'W' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'
    AND r.win_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-07-01'
    AND r.win_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND r.win_at < b.next_start)
 - (SELECT count(*) FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-04-02 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-07-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-07-01'));

-- ### activated partners as of 2026-10-01 00:00:00+00, before: each partner's won deals probed
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-07-03 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01');

-- ### activated partners as of 2026-10-01 00:00:00+00, after: the kept pauses between wins (V204)
WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-07-03 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'W' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
    AND r.win_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
    AND r.win_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.win_at < b.next_start)
 - (SELECT count(*) FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-10-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01');

-- ### rows: activated partners as of 2026-10-01 00:00:00+00, before then after
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-07-03 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND o.closed_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'))
UNION ALL
(WITH days AS (SELECT CAST(CAST(TIMESTAMPTZ '2026-07-03 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS first_day,
                  CAST(CAST(TIMESTAMPTZ '2026-10-01 00:00:00+00' AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start,
             CAST(days.last_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS next_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < TIMESTAMPTZ '2026-10-01 00:00:00+00')
     + ((SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
  WHERE f.measure = 'W' AND f.day > b.last_day)
 - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'
    AND r.win_at >= b.next_start)
 + (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on < DATE '2026-10-01'
    AND r.win_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.win_at < b.next_start)
 - (SELECT count(*) FROM partner_win_gap g JOIN partner_recency r ON r.partner_id = g.partner_id
    WHERE g.next_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND g.prev_at < TIMESTAMPTZ '2026-07-03 00:00:00+00' AND r.counted AND r.onboarded_on < DATE '2026-10-01')),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= DATE '2026-10-01'));

-- ### rows: kept pauses between wins, and won deals
SELECT (SELECT count(*) FROM partner_win_gap) AS pauses, (SELECT count(*) FROM partner_win_gap WHERE prev_at = '-infinity') AS first_wins,
       (SELECT count(*) FROM opportunity WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND closed_at IS NOT NULL) AS wins;
