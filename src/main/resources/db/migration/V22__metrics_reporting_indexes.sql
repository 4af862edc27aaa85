-- Reporting reads deals by when they closed or were created, first wins per partner, and stage
-- moves by when they happened; without these, every KPI over a period scans all deals.
CREATE INDEX opportunity_closed_at_idx ON opportunity (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX opportunity_created_at_idx ON opportunity (created_at);
CREATE INDEX opportunity_won_partner_idx ON opportunity (partner_id, closed_at) WHERE stage = 'CLOSED_WON';
CREATE INDEX opportunity_stage_change_time_idx ON opportunity_stage_change (changed_at);
