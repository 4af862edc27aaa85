-- ### before: ACTIVATED_PARTNERS (PAM's book, as of now; main at 8759d5a)
WITH won AS (SELECT f.partner_id FROM partner_day_fact f
             WHERE f.won_count > 0 AND f.day >= CURRENT_DATE - 89 AND f.day < CURRENT_DATE
             UNION
             SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
               AND (o.closed_at >= now() - INTERVAL '90 days' AND o.closed_at < CAST(CURRENT_DATE - 89 AS TIMESTAMPTZ)
                    OR o.closed_at >= CAST(CURRENT_DATE AS TIMESTAMPTZ) AND o.closed_at < now()))
SELECT count(*) FILTER (WHERE p.id IN (SELECT partner_id FROM won)), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
-- ### after: ACTIVATED_PARTNERS (PAM's book, as of now)
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON'
        AND o.closed_at >= now() - INTERVAL '90 days' AND o.closed_at < now())), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
-- ### after: ACTIVATED_PARTNERS (program, as of now)
SELECT count(*) FILTER (WHERE p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON'
        AND o.partner_id IS NOT NULL AND o.closed_at >= now() - INTERVAL '90 days' AND o.closed_at < now())), count(*)
FROM partner p WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND TRUE;
-- ### before: WIN_RATE (PAM's book, 2026-Q4)
SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0), CASE WHEN f.partner_id = 0 THEN 'direct' ELSE 'partner' END AS side
FROM partner_day_fact f JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01'
  AND (f.partner_id = 0 OR f.credit_type = 'SOURCED' AND f.partner_id IN (SELECT p.id FROM partner p WHERE p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)))
GROUP BY side HAVING sum(f.won_count + f.lost_count) > 0;
-- ### after: WIN_RATE (PAM's book, 2026-Q4)
SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0), 'partner' AS side
FROM partner p JOIN partner_day_fact f ON f.partner_id = p.id AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled) JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01' AND f.credit_type = 'SOURCED' HAVING sum(f.won_count + f.lost_count) > 0
UNION ALL
SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0), 'direct'
FROM program_day_fact f JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01' AND NOT f.partner_involved HAVING sum(f.won_count + f.lost_count) > 0;
-- ### before: CO_SELL_SHARE (PAM's book, 2026-Q4)
SELECT COALESCE(sum(f.created_count) FILTER (WHERE f.credit_type = 'CO_SELL' AND f.partner_id IN (SELECT p.id FROM partner p WHERE p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled))), 0),
       COALESCE(sum(f.created_count), 0)
FROM partner_day_fact f WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01';
-- ### after: CO_SELL_SHARE (PAM's book, 2026-Q4)
SELECT (SELECT COALESCE(sum(f.created_count), 0) FROM partner p JOIN partner_day_fact f ON f.partner_id = p.id AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)
        WHERE f.credit_type = 'CO_SELL' AND f.day >= '2026-10-01' AND f.day < '2027-01-01'),
       (SELECT COALESCE(sum(f.created_count), 0) FROM program_day_fact f WHERE f.day >= '2026-10-01' AND f.day < '2027-01-01');
-- ### before: PIPELINE_SOURCED (PAM's book; PIPELINE_INFLUENCED the same again)
SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type = 'SOURCED' AND f.partner_id IN (SELECT p.id FROM partner p WHERE p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled))), 0),
       COALESCE(sum(f.open_reporting), 0)
FROM open_pipeline_fact f JOIN exchange_rate fx ON fx.currency = f.currency;
-- ### after: PIPELINE_SOURCED and PIPELINE_INFLUENCED (PAM's book, one statement)
SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type = 'SOURCED'), 0),
       COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type IN ('INFLUENCED', 'CO_SELL')), 0),
       (SELECT COALESCE(sum(a.open_reporting), 0) FROM program_open_fact a JOIN exchange_rate afx ON afx.currency = a.currency)
FROM partner p JOIN open_pipeline_fact f ON f.partner_id = p.id AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled) JOIN exchange_rate fx ON fx.currency = f.currency;
-- ### after: PIPELINE_SOURCED and PIPELINE_INFLUENCED (program, one statement)
SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type = 'SOURCED' AND f.partner_involved), 0),
       COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type IN ('INFLUENCED', 'CO_SELL') AND f.partner_involved), 0),
       (SELECT COALESCE(sum(a.open_reporting), 0) FROM program_open_fact a JOIN exchange_rate afx ON afx.currency = a.currency)
FROM program_open_fact f JOIN exchange_rate fx ON fx.currency = f.currency;
-- ### before: TIME_TO_FIRST_REVENUE (PAM's book, 2026-Q4)
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
WHERE p.onboarded_on IS NOT NULL AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
-- ### after: TIME_TO_FIRST_REVENUE (PAM's book, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p CROSS JOIN LATERAL (
  SELECT o.closed_at AS first_win FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
  WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON' AND o.closed_at < '2027-01-01T00:00Z'
    AND (o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)
  ORDER BY o.closed_at LIMIT 1) f
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01T00:00Z' AND TRUE AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
-- ### after: TIME_TO_FIRST_REVENUE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p CROSS JOIN LATERAL (
  SELECT o.closed_at AS first_win FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
  WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON' AND o.closed_at < '2027-01-01T00:00Z'
    AND (o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)
  ORDER BY o.closed_at LIMIT 1) f
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01T00:00Z'
  AND p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
               AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z') AND TRUE;
-- ### before: SALES_CYCLE (PAM's book, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400) FILTER (WHERE o.stage = 'CLOSED_WON'),
       CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z'
  AND (o.partner_id IS NULL OR o.partner_id IS NOT NULL AND o.partner_id IN (SELECT p.id FROM partner p WHERE p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)))
GROUP BY side;
-- ### after: SALES_CYCLE (PAM's book, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'partner' AS side
FROM partner p JOIN opportunity o ON o.partner_id = p.id JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z' AND o.partner_id IS NOT NULL AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)
UNION ALL
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'direct'
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z' AND o.partner_id IS NULL;
-- ### before: SALES_CYCLE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400) FILTER (WHERE o.stage = 'CLOSED_WON'),
       CASE WHEN o.partner_id IS NULL THEN 'direct' ELSE 'partner' END AS side
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z'
  AND (o.partner_id IS NULL OR o.partner_id IS NOT NULL AND o.partner_id IN (SELECT p.id FROM partner p WHERE TRUE))
GROUP BY side;
-- ### after: SALES_CYCLE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'partner' AS side
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z' AND o.partner_id IS NOT NULL AND TRUE
UNION ALL
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400), 'direct'
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z' AND o.partner_id IS NULL;
-- ### before: REGISTRATION_VELOCITY (PAM's book, 2026-Q4; after: the same statement)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
FROM deal_registration r JOIN partner p ON p.id = r.partner_id
WHERE r.approved_at >= '2026-10-01T00:00Z' AND r.approved_at < '2027-01-01T00:00Z' AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
-- ### after: REGISTRATION_VELOCITY (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
FROM deal_registration r
WHERE r.approved_at >= '2026-10-01T00:00Z' AND r.approved_at < '2027-01-01T00:00Z' AND TRUE;
-- ### unchanged: ENABLEMENT_COMPLETION (PAM's book, as of today)
WITH users AS (SELECT u.id, u.job_role FROM app_user u JOIN partner p ON p.id = u.partner_id
               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled)),
required AS (SELECT DISTINCT t.role FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id WHERE i.required)
SELECT count(*) FILTER (WHERE h.held @> CURRENT_DATE), count(*)
FROM users u JOIN required r ON r.role = u.job_role
LEFT JOIN enablement_held_fact h ON h.user_id = u.id AND h.role = u.job_role;
-- ### unchanged: ACTIVE_PARTNER_RATE (PAM's book, as of now)
SELECT count(*) FILTER (WHERE CASE WHEN a.last_at IS NULL THEN FALSE
         WHEN a.last_at < now() THEN a.last_at >= now() - INTERVAL '30 days'
         ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
           AND e.occurred_at >= now() - INTERVAL '30 days' AND e.occurred_at < now()) END), count(*)
FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
WHERE p.onboarded_on < CURRENT_DATE AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
