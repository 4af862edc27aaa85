-- ### before: the five day-fact figures of PAM 3's book, 2026-Q4, over its partners' day facts (V138 index)
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

-- ### after: the same over the book's kept day facts (pam_day_fact, V147)
WITH s AS (
  SELECT COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED'), 0) AS sourced_revenue,
         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED') AS sourced_won,
         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED') AS sourced_closed,
         sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL) AS won_amount,
         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL) AS won,
         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL) AS closed,
         COALESCE(sum(f.created_count) FILTER (WHERE f.credit_type = 'CO_SELL'), 0) AS co_sell_created,
         COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL), 0) AS closed_won
  FROM (SELECT * FROM pam_day_fact WHERE pam_id = 3) f
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
