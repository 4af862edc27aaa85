-- ### before: ENABLEMENT_COMPLETION (program, as of today; main at 3ad9903)
WITH users AS (SELECT u.id, u.job_role FROM app_user u JOIN partner p ON p.id = u.partner_id
               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND TRUE),
required AS (SELECT DISTINCT t.role FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id WHERE i.required)
SELECT count(*) FILTER (WHERE h.held @> CURRENT_DATE), count(*)
FROM users u JOIN required r ON r.role = u.job_role
LEFT JOIN enablement_held_fact h ON h.user_id = u.id AND h.role = u.job_role;
-- ### after: ENABLEMENT_COMPLETION (program, as of today; V116)
SELECT COALESCE(sum(f.held) FILTER (WHERE f.day <= CURRENT_DATE), 0), COALESCE(sum(f.users), 0)
FROM enablement_program_fact f;
-- ### before: TIME_TO_FIRST_REVENUE (program, 2026-Q4; main at 3ad9903)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p CROSS JOIN LATERAL (
  SELECT o.closed_at AS first_win FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
  WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON' AND o.closed_at < '2027-01-01'
    AND (o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)
  ORDER BY o.closed_at LIMIT 1) f
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01'
  AND p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL
               AND o.closed_at >= '2026-10-01' AND o.closed_at < '2027-01-01');
-- ### after: TIME_TO_FIRST_REVENUE (program, 2026-Q4; V117)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner_first_win_fact f JOIN partner p ON p.id = f.partner_id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01' AND f.first_win < '2027-01-01' AND TRUE;
-- ### after: TIME_TO_FIRST_REVENUE (PAM's book, 2026-Q4; V117)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p JOIN partner_first_win_fact f ON f.partner_id = p.id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01' AND f.first_win < '2027-01-01'
  AND p.owner_pam_id = (SELECT min(id) FROM app_user WHERE role = 'PAM' AND enabled);
