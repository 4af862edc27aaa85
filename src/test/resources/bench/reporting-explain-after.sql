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
