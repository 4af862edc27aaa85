-- The quarters whose rebates, MDF accruals and top-partner badge were closed. A change to a deal
-- of a closed quarter (reopened, lost, corrected) recomputes them by adjusting ledger entries.
CREATE TABLE incentive_quarter_close (
    period    TEXT PRIMARY KEY,
    starts_on DATE        NOT NULL,
    ends_on   DATE        NOT NULL CHECK (ends_on > starts_on),
    closed_at TIMESTAMPTZ NOT NULL
);

-- Quarters closed before this table existed, from the earnings and badges they left (calendar
-- quarters named like 2026-Q3).
INSERT INTO incentive_quarter_close (period, starts_on, ends_on, closed_at)
SELECT period, q.starts_on, (q.starts_on + INTERVAL '3 months')::date, min(at)
FROM (SELECT period, earned_at AS at FROM incentive_earning WHERE kind IN ('REBATE', 'MDF_FUND') AND period ~ '^\d{4}-Q[1-4]$'
      UNION ALL
      SELECT period, awarded_at FROM partner_badge WHERE badge = 'TOP_PARTNER_OF_QUARTER' AND period ~ '^\d{4}-Q[1-4]$') c
CROSS JOIN LATERAL (SELECT make_date(left(c.period, 4)::int, (right(c.period, 1)::int - 1) * 3 + 1, 1) AS starts_on) q
GROUP BY period, q.starts_on;

-- One top partner per quarter. An early close could give the badge twice; the first one given stays.
DELETE FROM partner_badge b
WHERE b.badge = 'TOP_PARTNER_OF_QUARTER'
  AND EXISTS (SELECT 1 FROM partner_badge o
              WHERE o.badge = b.badge AND o.period = b.period
                AND (o.awarded_at, o.partner_id) < (b.awarded_at, b.partner_id));
CREATE UNIQUE INDEX partner_badge_one_top_per_quarter ON partner_badge (period) WHERE badge = 'TOP_PARTNER_OF_QUARTER';
