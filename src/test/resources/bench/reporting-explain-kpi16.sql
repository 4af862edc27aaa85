-- ### before: WIN_RATE (PAM 3's book, 2026-Q4; one of four statements over the book's day facts)
SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0), 'partner' AS side
FROM partner p JOIN partner_day_fact f ON f.partner_id = p.id AND p.owner_pam_id = 3
JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND f.credit_type = 'SOURCED' AND TRUE
HAVING sum(f.won_count + f.lost_count) > 0
UNION ALL SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0), 'direct'
FROM program_day_fact f JOIN exchange_rate fx ON fx.currency = f.currency
WHERE f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01' AND NOT f.partner_involved
HAVING sum(f.won_count + f.lost_count) > 0;

-- ### after: the five day-fact figures in one statement (PAM 3's book, 2026-Q4; V138 indexes)
WITH s AS (
  SELECT COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED'), 0) AS sourced_revenue,
         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED') AS sourced_won,
         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED') AS sourced_closed,
         sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL) AS won_amount,
         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL) AS won,
         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL) AS closed,
         COALESCE(sum(f.created_count) FILTER (WHERE f.credit_type = 'CO_SELL'), 0) AS co_sell_created,
         COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL), 0) AS closed_won
  FROM partner p JOIN partner_day_fact f ON f.partner_id = p.id AND p.owner_pam_id = 3
  LEFT JOIN exchange_rate fx ON fx.currency = f.currency
  WHERE f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01'),
d AS (
  SELECT sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS won,
         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS closed,
         sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS won_amount,
         COALESCE(sum(f.created_count), 0) AS created,
         COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL), 0) AS closed_won
  FROM program_day_fact f LEFT JOIN exchange_rate fx ON fx.currency = f.currency
  WHERE f.day >= DATE '2026-10-01' AND f.day < DATE '2027-01-01')
SELECT s.sourced_revenue, CASE WHEN s.sourced_closed > 0 THEN 100.0 * s.sourced_won / NULLIF(s.sourced_closed, 0) END,
       CASE WHEN d.closed > 0 THEN 100.0 * d.won / NULLIF(d.closed, 0) END,
       CASE WHEN s.closed > 0 THEN s.won_amount / NULLIF(s.won, 0) END,
       CASE WHEN d.closed > 0 THEN d.won_amount / NULLIF(d.won, 0) END, s.co_sell_created, d.created, s.closed_won
FROM s CROSS JOIN d;

-- ### after: PARTNER_RECRUITMENT (program, 2026-Q4; partner_onboarded_idx)
SELECT count(*) FROM partner p WHERE p.onboarded_on >= DATE '2026-10-01' AND p.onboarded_on < DATE '2027-01-01' AND TRUE;

-- ### after: TIME_TO_FIRST_REVENUE (program, 2026-Q4)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE 'UTC' AS DATE) - p.onboarded_on)
FROM partner_first_win_fact f JOIN partner p ON p.id = f.partner_id
WHERE p.onboarded_on IS NOT NULL AND f.first_win >= TIMESTAMPTZ '2026-10-01 00:00:00+00' AND f.first_win < TIMESTAMPTZ '2027-01-01 00:00:00+00' AND TRUE;
