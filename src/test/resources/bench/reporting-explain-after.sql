-- ### PARTNER_SOURCED_REVENUE (program, 2026-Q4)
SELECT COALESCE(sum(f.won_reporting), 0) FROM partner_day_fact f
JOIN exchange_rate fx ON fx.currency = f.currency JOIN partner p ON p.id = f.partner_id
WHERE f.credit_type = 'SOURCED' AND f.day >= '2026-10-01' AND f.day < '2027-01-01' AND TRUE;
-- ### PIPELINE_SOURCED (program)
SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type = 'SOURCED' AND f.partner_id IN (SELECT p.id FROM partner p WHERE TRUE)), 0),
       COALESCE(sum(f.open_reporting), 0)
FROM open_pipeline_fact f JOIN exchange_rate fx ON fx.currency = f.currency;
-- ### TIME_TO_FIRST_REVENUE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p JOIN (SELECT o.partner_id, min(o.closed_at) AS first_win FROM opportunity o
                     LEFT JOIN exchange_rate fx ON fx.currency = o.currency
                     WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
                       AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z'
                       AND (o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)
                       AND NOT EXISTS (SELECT 1 FROM opportunity e LEFT JOIN exchange_rate efx ON efx.currency = e.currency
                         WHERE e.partner_id = o.partner_id AND e.stage = 'CLOSED_WON' AND e.closed_at < '2026-10-01T00:00Z'
                           AND (e.amount > 0 AND round(e.amount * COALESCE(efx.to_reporting, 1), 2) >= 0))
                     GROUP BY o.partner_id) f ON f.partner_id = p.id
WHERE p.onboarded_on IS NOT NULL AND TRUE;
-- ### Forecast learning: stage reached / won per group (program)
SELECT stage, grp, closed, won FROM forecast_stage_count WHERE closed > 0;
-- ### ENABLEMENT_COMPLETION (program, as of today)
WITH users AS (SELECT u.id, u.job_role FROM app_user u JOIN partner p ON p.id = u.partner_id
               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND TRUE),
required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
             WHERE i.required GROUP BY t.role),
done AS (SELECT c.user_id, count(DISTINCT c.item_id) AS n FROM enablement_completion c
         JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
         JOIN users u ON u.id = c.user_id AND u.job_role = t.role
         WHERE i.required AND c.completed_on < CURRENT_DATE AND (c.expires_on IS NULL OR c.expires_on >= CURRENT_DATE)
         GROUP BY c.user_id)
SELECT count(*) FILTER (WHERE d.n = r.n), count(*)
FROM users u JOIN required r ON r.role = u.job_role LEFT JOIN done d ON d.user_id = u.id;
-- ### AVERAGE_DEAL_SIZE (program, 2026-Q4)
SELECT sum(f.won_reporting) / NULLIF(sum(f.won_count), 0), CASE WHEN f.partner_id = 0 THEN 'direct' ELSE 'partner' END AS side
FROM partner_day_fact f JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01' AND (f.partner_id = 0 OR TRUE AND f.partner_id IN (SELECT p.id FROM partner p WHERE TRUE))
GROUP BY side HAVING sum(f.won_count + f.lost_count) > 0;
-- ### SALES_CYCLE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400) FILTER (WHERE o.stage = 'CLOSED_WON'),
       CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z'
  AND (o.partner_id IS NULL OR o.partner_id IS NOT NULL AND o.partner_id IN (SELECT p.id FROM partner p WHERE TRUE))
GROUP BY side;
-- ### ACTIVE_PARTNER_RATE (program, as of now)
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
         AND e.occurred_at >= now() - INTERVAL '30 days' AND e.occurred_at < now())), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND TRUE;
-- ### REGISTRATION_VELOCITY (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
FROM deal_registration r JOIN partner p ON p.id = r.partner_id
WHERE r.approved_at >= '2026-10-01T00:00Z' AND r.approved_at < '2027-01-01T00:00Z' AND TRUE;
-- ### Forecast roll-up: the open deals with their group (program, V83)
WITH deal AS MATERIALIZED (
  SELECT o.id, o.owner_id, o.partner_id, round(o.amount * fx.to_reporting, 2) AS amount, o.stage, o.stage_entered_at, o.close_date,
         CASE WHEN o.partner_id IS NULL THEN 'DIRECT' WHEN tc.partner_id IS NULL THEN 'PARTNER:' || p.tier
              ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE 'UTC' AS DATE)), p.tier) END AS grp
  FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
  LEFT JOIN (SELECT DISTINCT partner_id FROM tier_change) tc ON tc.partner_id = o.partner_id
  WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND TRUE)
SELECT stage, grp, count(*), sum(amount) FROM deal GROUP BY 1, 2;

-- ### Forecast roll-up, program and partner deals: the kept open pipeline (V110)
WITH prob(stage, grp, p) AS (VALUES ('REGISTERED', 'DIRECT', 0.10), ('QUALIFIED', 'DIRECT', 0.25), ('JOINT_WORKING', 'DIRECT', 0.45), ('COMMIT', 'DIRECT', 0.75),
  ('REGISTERED', 'PARTNER:TIER_1_INVEST', 0.12), ('QUALIFIED', 'PARTNER:TIER_1_INVEST', 0.30), ('JOINT_WORKING', 'PARTNER:TIER_1_INVEST', 0.50), ('COMMIT', 'PARTNER:TIER_1_INVEST', 0.80),
  ('REGISTERED', 'PARTNER:TIER_2_EMERGING', 0.10), ('QUALIFIED', 'PARTNER:TIER_2_EMERGING', 0.25), ('JOINT_WORKING', 'PARTNER:TIER_2_EMERGING', 0.45), ('COMMIT', 'PARTNER:TIER_2_EMERGING', 0.75),
  ('REGISTERED', 'PARTNER:TIER_3_BASELINE', 0.08), ('QUALIFIED', 'PARTNER:TIER_3_BASELINE', 0.20), ('JOINT_WORKING', 'PARTNER:TIER_3_BASELINE', 0.40), ('COMMIT', 'PARTNER:TIER_3_BASELINE', 0.70)),
norm(stage, grp, own, later) AS (SELECT stage, grp, 20, 40 FROM prob),
counted AS (
  SELECT f.amount_reporting AS amount, pr.p, f.called, f.partner_involved AS in_part
  FROM forecast_open_fact f JOIN norm n ON n.stage = f.stage AND n.grp = f.grp
  JOIN prob pr ON pr.stage = f.stage AND pr.grp = f.grp
  WHERE GREATEST(CURRENT_DATE + GREATEST(n.own - GREATEST(CURRENT_DATE - f.entered_day, 0), 0) + n.later, f.close_month)
        >= CAST(date_trunc('quarter', CURRENT_DATE) AS DATE)
    AND GREATEST(CURRENT_DATE + GREATEST(n.own - GREATEST(CURRENT_DATE - f.entered_day, 0), 0) + n.later, f.close_month)
        < CAST(date_trunc('quarter', CURRENT_DATE) + INTERVAL '3 months' AS DATE))
SELECT sum(amount) FILTER (WHERE called), sum(amount) FILTER (WHERE called OR p >= 0.5), sum(amount * p),
       sum(amount * p) FILTER (WHERE in_part)
FROM counted;

-- ### Forecast deal lines, program: the largest open deals of the quarter (V110)
WITH norm(stage, grp, own, later) AS (
  SELECT s, g, 20, 40 FROM unnest(ARRAY['REGISTERED', 'QUALIFIED', 'JOINT_WORKING', 'COMMIT']) s,
    unnest(ARRAY['DIRECT', 'PARTNER:TIER_1_INVEST', 'PARTNER:TIER_2_EMERGING', 'PARTNER:TIER_3_BASELINE']) g)
SELECT f.opportunity_id, f.amount_reporting
FROM forecast_open_deal f JOIN norm n ON n.stage = f.stage AND n.grp = f.grp
WHERE GREATEST(CURRENT_DATE + GREATEST(n.own - GREATEST(CURRENT_DATE - f.entered_day, 0), 0) + n.later, f.close_month)
        >= CAST(date_trunc('quarter', CURRENT_DATE) AS DATE)
  AND GREATEST(CURRENT_DATE + GREATEST(n.own - GREATEST(CURRENT_DATE - f.entered_day, 0), 0) + n.later, f.close_month)
        < CAST(date_trunc('quarter', CURRENT_DATE) + INTERVAL '3 months' AS DATE)
ORDER BY f.amount_reporting DESC, f.opportunity_id LIMIT 25;

-- ### Forecast relearn: the day histogram (V111)
SELECT stage, grp, bin, deals FROM forecast_stage_days WHERE deals > 0;

-- ### Forecast relearn: one group's middle rows from the ledger index (V111)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)
FROM (SELECT days FROM (
  (SELECT days FROM forecast_deal_stage WHERE stage = 'QUALIFIED' AND grp = 'PARTNER:TIER_2_EMERGING' AND days >= 14.5 ORDER BY days LIMIT 2002)
  UNION ALL
  (SELECT days FROM forecast_deal_stage WHERE stage = 'QUALIFIED' AND grp = 'PARTNER:TIER_3_BASELINE' AND days >= 14.5 ORDER BY days LIMIT 2002)) u
  ORDER BY days OFFSET 2000 LIMIT 2) m;
