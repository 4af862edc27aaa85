-- Partner fit (§C16) reads the most recently won partner deals of an industry: walk them in
-- order of their close so the search stops after the newest matches instead of sorting all.
CREATE INDEX opportunity_won_partner_close_idx ON opportunity (closed_at DESC, id DESC)
    WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL;
