-- ### adoption per-rep figures as before adopt17 (every AE, 2026-Q4: whole months Oct-Dec)
WITH reps AS (SELECT array_agg(id) AS ids FROM app_user WHERE role = 'AE'),
facts AS (
  SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
  FROM rep_month_fact WHERE owner_id = ANY ((SELECT ids FROM reps)) AND month >= DATE '2026-10-01' AND month < DATE '2027-01-01'
  UNION ALL
  SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
  FROM rep_day_fact WHERE owner_id = ANY ((SELECT ids FROM reps)) AND day >= DATE '2026-10-01' AND day < DATE '2027-01-01'
    AND NOT (day >= DATE '2026-10-01' AND day < DATE '2027-01-01')),
f AS (
  SELECT owner_id,
         sum(created_count) AS deals,
         sum(created_count) FILTER (WHERE partner_involved) AS partner_deals,
         sum(won_count) FILTER (WHERE partner_involved) AS won_with,
         sum(won_count + lost_count) FILTER (WHERE partner_involved) AS closed_with,
         sum(won_count) FILTER (WHERE NOT partner_involved) AS won_without,
         sum(won_count + lost_count) FILTER (WHERE NOT partner_involved) AS closed_without,
         sum(won_cycle_days) FILTER (WHERE partner_involved) AS days_with,
         sum(won_cycle_days) FILTER (WHERE NOT partner_involved) AS days_without
  FROM facts GROUP BY owner_id),
prompted AS (
  SELECT o.owner_id, count(DISTINCT o.id) AS deals FROM partner_prompt pp JOIN opportunity o ON o.id = pp.opportunity_id
  WHERE o.owner_id = ANY ((SELECT ids FROM reps)) AND o.partner_id IS NOT NULL
    AND o.created_at >= (SELECT DATE '2026-10-01' AT TIME ZONE zone FROM fact_setting)
    AND o.created_at < (SELECT DATE '2027-01-01' AT TIME ZONE zone FROM fact_setting)
  GROUP BY o.owner_id)
SELECT u.id, u.display_name, COALESCE(f.deals, 0), COALESCE(f.partner_deals, 0),
  COALESCE(f.partner_deals, 0) - COALESCE(pr.deals, 0), COALESCE(pr.deals, 0),
  (SELECT count(*) FROM deal_registration r WHERE r.registered_by = u.id
     AND r.submitted_at >= (SELECT DATE '2026-10-01' AT TIME ZONE zone FROM fact_setting)
     AND r.submitted_at < (SELECT DATE '2027-01-01' AT TIME ZONE zone FROM fact_setting)) AS registrations,
  100.0 * f.won_with / NULLIF(f.closed_with, 0), 100.0 * f.won_without / NULLIF(f.closed_without, 0),
  f.days_with / NULLIF(f.won_with, 0), f.days_without / NULLIF(f.won_without, 0)
FROM app_user u LEFT JOIN f ON f.owner_id = u.id LEFT JOIN prompted pr ON pr.owner_id = u.id
WHERE u.id = ANY ((SELECT ids FROM reps)) ORDER BY u.display_name;

-- ### leads per rep (leads.LeadRepository.figures, every AE, 2026-Q4)
SELECT rep_id, count(*),
       count(*) FILTER (WHERE status = 'ACCEPTED'),
       count(*) FILTER (WHERE status <> 'DECLINED' AND (first_follow_up_at IS NOT NULL OR follow_up_due_at <= now())),
       count(*) FILTER (WHERE status <> 'DECLINED' AND first_follow_up_at <= follow_up_due_at)
FROM partner_lead WHERE rep_id = ANY ((SELECT array_agg(id) FROM app_user WHERE role = 'AE'))
  AND routed_at >= (SELECT DATE '2026-10-01' AT TIME ZONE zone FROM fact_setting)
  AND routed_at < (SELECT DATE '2027-01-01' AT TIME ZONE zone FROM fact_setting)
GROUP BY rep_id;
