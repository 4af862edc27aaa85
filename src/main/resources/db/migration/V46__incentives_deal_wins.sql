-- The deals whose win the incentive rules have already judged. A later event for the same
-- deal (a correction, or a reopen and a new win) only adjusts what the deal earned then; it
-- never lets a rule earn that did not earn at the win (a program created afterwards, a
-- SPIFF slot that was already used).
CREATE TABLE incentive_deal_win (
    opportunity_id BIGINT      PRIMARY KEY REFERENCES opportunity (id),
    first_judged_at TIMESTAMPTZ NOT NULL
);

-- Every deal won before this table existed was judged at its win.
INSERT INTO incentive_deal_win (opportunity_id, first_judged_at)
SELECT id, coalesce(closed_at, now()) FROM opportunity WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO incentive_deal_win (opportunity_id, first_judged_at)
SELECT opportunity_id, min(earned_at) FROM incentive_earning WHERE opportunity_id IS NOT NULL GROUP BY opportunity_id
ON CONFLICT DO NOTHING;
