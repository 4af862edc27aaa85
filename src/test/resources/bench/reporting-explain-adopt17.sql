-- ### adoption per-rep figures as before adopt17 (every AE, 2026-Q4: whole months Oct-Dec)
WITH reps AS (SELECT array_agg(id) AS ids FROM app_user WHERE role = 'AE'),
facts AS (
  SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
  FROM rep_month_fact WHERE owner_id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) AND month >= DATE '2026-10-01' AND month < DATE '2027-01-01'
  UNION ALL
  SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
  FROM rep_day_fact WHERE owner_id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) AND day >= DATE '2026-10-01' AND day < DATE '2027-01-01'
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
  WHERE o.owner_id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) AND o.partner_id IS NOT NULL
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
WHERE u.id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) ORDER BY u.display_name;

-- ### adoption per-rep figures after adopt17 (the whole months alone, rep_month_fact_month_idx of V145)
WITH reps AS (SELECT array_agg(id) AS ids FROM app_user WHERE role = 'AE'),
facts AS (
  SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
  FROM rep_month_fact WHERE month >= DATE '2026-10-01' AND month < DATE '2027-01-01' AND owner_id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[]))),
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
  WHERE o.owner_id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) AND o.partner_id IS NOT NULL
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
WHERE u.id = ANY (CAST((SELECT ids FROM reps) AS BIGINT[])) ORDER BY u.display_name;

-- ### could help, every industry of the accounts in one statement (CouldHelp.byIndustry, limit 3)
SELECT i.industry, c.id, c.name, c.wins
FROM unnest(CAST((SELECT array_agg(DISTINCT industry) FROM account WHERE industry IS NOT NULL) AS TEXT[])) AS i(industry)
CROSS JOIN LATERAL (
  SELECT min(t.wins) AS wins, count(*) AS found FROM (
    SELECT w.wins FROM partner_industry_win w
    CROSS JOIN LATERAL (SELECT 1 FROM partner p WHERE p.id = w.partner_id AND p.lifecycle_status = 'ACTIVE'
      AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals) OFFSET 0) capable
    WHERE w.industry = i.industry ORDER BY w.wins DESC LIMIT 3) t) cut
CROSS JOIN LATERAL (
  SELECT id, name, wins FROM (
    SELECT p.id, p.name, w.wins FROM partner_industry_win w
    CROSS JOIN LATERAL (SELECT p.id, p.name FROM partner p WHERE p.id = w.partner_id AND p.lifecycle_status = 'ACTIVE'
      AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals) OFFSET 0) p
    WHERE w.industry = i.industry AND w.wins >= cut.wins
    UNION ALL
    (SELECT p.id, p.name, 0 FROM partner p
     WHERE cut.found < 3 AND p.lifecycle_status = 'ACTIVE'
       AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals)
       AND NOT EXISTS (SELECT 1 FROM partner_industry_win w WHERE w.industry = i.industry AND w.partner_id = p.id)
     ORDER BY p.name LIMIT 3)) ranked
  ORDER BY wins DESC, name LIMIT 3) c
ORDER BY i.industry, c.wins DESC, c.name;

-- ### leads per rep (leads.LeadRepository.figures, every AE, 2026-Q4)
SELECT rep_id, count(*),
       count(*) FILTER (WHERE status = 'ACCEPTED'),
       count(*) FILTER (WHERE status <> 'DECLINED' AND (first_follow_up_at IS NOT NULL OR follow_up_due_at <= now())),
       count(*) FILTER (WHERE status <> 'DECLINED' AND first_follow_up_at <= follow_up_due_at)
FROM partner_lead WHERE rep_id = ANY (CAST((SELECT array_agg(id) FROM app_user WHERE role = 'AE') AS BIGINT[]))
  AND routed_at >= (SELECT DATE '2026-10-01' AT TIME ZONE zone FROM fact_setting)
  AND routed_at < (SELECT DATE '2027-01-01' AT TIME ZONE zone FROM fact_setting)
GROUP BY rep_id;
