-- ### the Cohorts page's weekly figures, program, 26 weeks (CohortMetrics, co45)
WITH weeks AS (
  SELECT week_start, fiscal_week,
         CAST(week_start AS TIMESTAMP) AT TIME ZONE 'UTC' AS ws,
         CAST(coalesce(lead(week_start) OVER (ORDER BY week_start), week_start + 7) AS TIMESTAMP)
           AT TIME ZONE 'UTC' AS we
  FROM (SELECT DISTINCT week_start, fiscal_week FROM journey_placement WHERE week_start >= DATE '2026-06-05') w
), members AS (
  SELECT m.cohort_id, w.week_start, w.fiscal_week, w.ws, w.we, m.partner_id, 0 AS scope
  FROM weeks w JOIN cohort_membership m ON m.valid_from < w.we AND (m.valid_to IS NULL OR m.valid_to >= w.we)
  JOIN cohort c ON c.id = m.cohort_id AND c.retired_at IS NULL
  JOIN partner p ON p.id = m.partner_id
  WHERE TRUE
), pipeline AS (
  SELECT mb.scope, mb.cohort_id, mb.week_start, sum(round(o.amount * fx.to_reporting, 2)) AS amount
  FROM members mb JOIN opportunity o ON o.partner_id = mb.partner_id AND o.created_at >= mb.ws AND o.created_at < mb.we
    AND o.created_at >= (SELECT min(ws) FROM weeks)
  JOIN exchange_rate fx ON fx.currency = o.currency
  GROUP BY 1, 2, 3
), referrals AS (
  SELECT mb.scope, mb.cohort_id, mb.week_start, count(*) AS n
  FROM members mb JOIN deal_partner_attachment d ON d.partner_id = mb.partner_id
    AND d.attached_at >= mb.ws AND d.attached_at < mb.we AND d.via = 'REP' AND d.credit_type <> 'SOURCED'
    AND d.attached_at >= (SELECT min(ws) FROM weeks)
  JOIN app_user u ON u.id = d.attached_by AND u.role IN ('AE', 'SALES_MANAGER')
  GROUP BY 1, 2, 3
), wins AS (
  SELECT mb.scope, mb.cohort_id, mb.week_start, count(*) AS n,
         avg(extract(EPOCH FROM c.changed_at - o.created_at) / 86400) AS days
  FROM members mb JOIN opportunity o ON o.partner_id = mb.partner_id
  JOIN opportunity_stage_change c ON c.opportunity_id = o.id AND c.to_stage = 'CLOSED_WON'
    AND c.changed_at >= mb.ws AND c.changed_at < mb.we AND c.changed_at >= (SELECT min(ws) FROM weeks)
  GROUP BY 1, 2, 3
), stages AS (
  SELECT mb.scope, mb.cohort_id, mb.week_start,
         count(*) FILTER (WHERE coalesce(own.stage, base.stage) IN ('ACTIVATION', 'ACCELERATION')) AS active,
         count(coalesce(own.stage, base.stage)) AS placed
  FROM members mb
  LEFT JOIN journey_placement own ON own.partner_id = mb.partner_id AND own.week_start = mb.week_start
    AND own.cohort_id = mb.cohort_id
  LEFT JOIN journey_placement base ON base.partner_id = mb.partner_id AND base.week_start = mb.week_start
    AND base.cohort_id = 0
  GROUP BY 1, 2, 3
), scores AS (
  SELECT mb.scope, mb.cohort_id, mb.week_start,
         percentile_cont(0.25) WITHIN GROUP (ORDER BY s.score) AS p25,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY s.score) AS p50,
         percentile_cont(0.75) WITHIN GROUP (ORDER BY s.score) AS p75
  FROM members mb JOIN partner_score_week s ON s.partner_id = mb.partner_id
    AND s.week_start = mb.week_start AND s.pillar = 'READINESS' AND s.score IS NOT NULL
  GROUP BY 1, 2, 3
), figures AS (
  SELECT scope, cohort_id, week_start, fiscal_week, count(*) AS members, NULL::numeric AS amount,
         NULL::bigint AS referrals, NULL::bigint AS wins, NULL::numeric AS days, NULL::bigint AS active,
         NULL::bigint AS placed, NULL::float8 AS p25, NULL::float8 AS p50, NULL::float8 AS p75
  FROM members GROUP BY 1, 2, 3, 4
  UNION ALL SELECT scope, cohort_id, week_start, NULL, NULL, amount, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM pipeline
  UNION ALL SELECT scope, cohort_id, week_start, NULL, NULL, NULL, n, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM referrals
  UNION ALL SELECT scope, cohort_id, week_start, NULL, NULL, NULL, NULL, n, days, NULL, NULL, NULL, NULL, NULL FROM wins
  UNION ALL SELECT scope, cohort_id, week_start, NULL, NULL, NULL, NULL, NULL, NULL, active, placed, NULL, NULL, NULL FROM stages
  UNION ALL SELECT scope, cohort_id, week_start, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p25, p50, p75 FROM scores
), weekly AS (
  SELECT scope, cohort_id, week_start, max(fiscal_week) AS fiscal_week, max(members) AS members,
         max(amount) AS amount, max(referrals) AS referrals, max(wins) AS wins, max(days) AS days,
         max(active) AS active, max(placed) AS placed, max(p25) AS p25, max(p50) AS p50, max(p75) AS p75
  FROM figures GROUP BY 1, 2, 3
)
SELECT f.scope, f.cohort_id, c.name, f.week_start, f.fiscal_week, f.members,
       coalesce(f.amount, 0), coalesce(f.referrals, 0), coalesce(f.wins, 0), f.days,
       CASE WHEN f.placed > 0 THEN round(100.0 * f.active / f.placed, 1) END, f.p25, f.p50, f.p75
FROM weekly f JOIN cohort c ON c.id = f.cohort_id
ORDER BY f.scope, f.cohort_id, f.week_start
