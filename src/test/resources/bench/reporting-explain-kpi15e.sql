-- ### before: ACTIVATED_PARTNERS (program, as of now)
SELECT count(*) FILTER (WHERE p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
         AND o.closed_at >= (now() - INTERVAL '90 days') AND o.closed_at < now())), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND TRUE;

-- ### after: ACTIVATED_PARTNERS (program, as of now; V129 counts)
WITH days AS (SELECT CAST((now() - INTERVAL '90 days') AT TIME ZONE 'UTC' AS DATE) AS first_day, CAST(now() AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'W' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= CURRENT_DATE
        AND r.win_at >= b.first_end AND r.win_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE
        AND r.win_at >= (now() - INTERVAL '90 days') AND r.win_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE
        AND r.win_at >= (SELECT last_start FROM edges) AND r.win_at < now())
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE AND r.win_at >= now()
        AND EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = r.partner_id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= (now() - INTERVAL '90 days') AND o.closed_at < now())),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'W')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= CURRENT_DATE);

-- ### before: ACTIVE_PARTNER_RATE (program, as of now)
SELECT count(*) FILTER (WHERE CASE WHEN a.last_at IS NULL THEN FALSE
         WHEN a.last_at < now() THEN a.last_at >= (now() - INTERVAL '30 days')
         ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
           AND e.occurred_at >= (now() - INTERVAL '30 days') AND e.occurred_at < now()) END), count(*)
FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND TRUE;

-- ### after: ACTIVE_PARTNER_RATE (program, as of now; V129 counts)
WITH days AS (SELECT CAST((now() - INTERVAL '30 days') AT TIME ZONE 'UTC' AS DATE) AS first_day, CAST(now() AT TIME ZONE 'UTC' AS DATE) AS last_day),
edges AS (SELECT days.first_day, days.last_day, CAST(days.first_day + 1 AS TIMESTAMP) AT TIME ZONE 'UTC' AS first_end,
             CAST(days.last_day AS TIMESTAMP) AT TIME ZONE 'UTC' AS last_start FROM days)
SELECT (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f, edges b
        WHERE f.measure = 'A' AND f.day > b.first_day AND f.day < b.last_day)
     - (SELECT count(*) FROM partner_recency r, edges b WHERE r.counted AND r.onboarded_on >= CURRENT_DATE
        AND r.activity_at >= b.first_end AND r.activity_at < b.last_start)
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE
        AND r.activity_at >= (now() - INTERVAL '30 days') AND r.activity_at < (SELECT first_end FROM edges))
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE
        AND r.activity_at >= (SELECT last_start FROM edges) AND r.activity_at < now())
     + (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on < CURRENT_DATE AND r.activity_at >= now()
        AND EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = r.partner_id
        AND e.occurred_at >= (now() - INTERVAL '30 days') AND e.occurred_at < now())),
       (SELECT COALESCE(sum(f.partners), 0) FROM partner_recency_fact f WHERE f.measure = 'A')
     - (SELECT count(*) FROM partner_recency r WHERE r.counted AND r.onboarded_on >= CURRENT_DATE);

-- ### before: REGISTRATION_VELOCITY (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
FROM deal_registration r
WHERE r.approved_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.approved_at < TIMESTAMPTZ '2027-01-01 00:00:00+00' AND TRUE;

-- ### after: REGISTRATION_VELOCITY (program, 2026-Q4; V130 histogram)
SELECT (WITH bounds AS (
  SELECT CAST(date_trunc('month', CAST(DATE '2026-10-01' AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
         CAST(date_trunc('month', CAST(DATE '2027-01-01' AS TIMESTAMP)) AS DATE) AS mt),
h AS (SELECT f.hour AS bucket, CAST(sum(f.approved_count) AS BIGINT) AS n
      FROM registration_decision_fact f CROSS JOIN bounds b
      WHERE (f.month AND f.day >= b.mf AND f.day < b.mt
             OR NOT f.month AND f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND (f.day < b.mf OR f.day >= b.mt))
      GROUP BY f.hour HAVING sum(f.approved_count) > 0),
c AS (SELECT bucket, n, CAST(sum(n) OVER (ORDER BY bucket) AS BIGINT) AS upto FROM h),
r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
m AS (SELECT r.lo, r.hi, l.bucket AS first_bucket, l.upto - l.n AS before, u.bucket AS last_bucket
      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.bucket LIMIT 1) l
      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.bucket LIMIT 1) u),
v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.value) - 1 AS rank, x.value
      FROM m CROSS JOIN LATERAL (
        SELECT CAST(extract(epoch FROM d.approved_at - d.submitted_at) / 3600 AS DOUBLE PRECISION) AS value
        FROM deal_registration d
        WHERE d.approved_at IS NOT NULL
          AND facts_decision_hour(d.submitted_at, d.approved_at) BETWEEN m.first_bucket AND m.last_bucket
          AND d.approved_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND d.approved_at < TIMESTAMPTZ '2027-01-01 00:00:00+00') x)
SELECT CASE WHEN min(lo) = min(hi) THEN min(value) FILTER (WHERE rank = lo)
            ELSE min(value) FILTER (WHERE rank = lo)
                 + (min(value) FILTER (WHERE rank = hi) - min(value) FILTER (WHERE rank = lo))
                   * CAST(0.5 AS DOUBLE PRECISION) END
FROM v);

-- ### after: REGISTRATION_VELOCITY (the first PAM's book, 2026-Q4; V130 deal_registration_partner_approved_idx)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
FROM partner p JOIN deal_registration r ON r.partner_id = p.id
WHERE r.approved_at >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND r.approved_at < TIMESTAMPTZ '2027-01-01 00:00:00+00'
  AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);

-- ### after: ACTIVATED_PARTNERS (the first PAM's book, as of now)
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id
        AND o.stage = 'CLOSED_WON' AND o.closed_at >= (now() - INTERVAL '90 days') AND o.closed_at < now())), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
  AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);

-- ### the /metrics page's slice options (admin): onboarding days, verticals, capabilities, regions
SELECT (SELECT count(*) FROM (SELECT DISTINCT CAST(p.onboarded_on AS TEXT) FROM partner p WHERE p.onboarded_on IS NOT NULL) a),
       (SELECT count(*) FROM (SELECT DISTINCT unnest(p.verticals) FROM partner p) b),
       (SELECT count(*) FROM (SELECT DISTINCT unnest(p.capabilities) FROM partner p) c),
       (SELECT count(*) FROM (SELECT DISTINCT region FROM partner) d);

-- ### the /metrics page's first partners (admin; was every partner)
SELECT CAST(p.id AS TEXT), p.name FROM partner p WHERE TRUE ORDER BY lower(p.name), p.id LIMIT 50;

-- ### the /metrics page's partner search (admin, "north")
SELECT CAST(p.id AS TEXT), p.name FROM partner p WHERE TRUE AND p.name ILIKE '%north%' ORDER BY lower(p.name), p.id LIMIT 50;
