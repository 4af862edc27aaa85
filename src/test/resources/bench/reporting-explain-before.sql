-- ### PARTNER_SOURCED_REVENUE (program, 2026-Q4)
SELECT COALESCE(sum(round(o.amount * fx.to_reporting, 2)), 0) FROM opportunity o
JOIN exchange_rate fx ON fx.currency = o.currency JOIN partner p ON p.id = o.partner_id
WHERE o.stage = 'CLOSED_WON' AND o.credit_type = 'SOURCED' AND o.closed_at >= '2026-10-01T00:00Z' AND o.closed_at < '2027-01-01T00:00Z' AND TRUE;
-- ### PIPELINE_SOURCED (program)
SELECT COALESCE(sum(round(o.amount * fx.to_reporting, 2)) FILTER (WHERE o.credit_type = 'SOURCED' AND o.partner_id IN (SELECT p.id FROM partner p WHERE TRUE)), 0),
       COALESCE(sum(round(o.amount * fx.to_reporting, 2)), 0)
FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');
-- ### TIME_TO_FIRST_REVENUE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner p JOIN (SELECT o.partner_id, min(o.closed_at) AS first_win FROM opportunity o
                     LEFT JOIN exchange_rate fx ON fx.currency = o.currency
                     WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND (o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)
                     GROUP BY o.partner_id) f ON f.partner_id = p.id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= '2026-10-01T00:00Z' AND f.first_win < '2027-01-01T00:00Z' AND TRUE;
-- ### Forecast learning: stage reached / won per group (program)
SELECT sc.to_stage AS stage, CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE 'UTC' AS DATE)), p.tier) END AS grp, count(DISTINCT o.id) AS closed,
       count(DISTINCT o.id) FILTER (WHERE o.stage = 'CLOSED_WON') AS won
FROM opportunity o JOIN opportunity_stage_change sc ON sc.opportunity_id = o.id
LEFT JOIN partner p ON p.id = o.partner_id
WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND sc.to_stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
GROUP BY 1, 2;
