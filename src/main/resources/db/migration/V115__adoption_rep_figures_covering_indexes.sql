-- The adoption page's per-rep figures read a period of each rep's daily deal facts and of the
-- partner leads routed to each rep. Both reads are answered from these indexes alone (no
-- visit to the table for each row): the rep's days with the counts the page sums, and the
-- rep's leads in routing order with the status and follow-up times the page counts.
CREATE INDEX rep_day_fact_rep_figures_idx ON rep_day_fact (owner_id, day)
    INCLUDE (partner_involved, created_count, won_count, lost_count, won_cycle_days);

-- replaces partner_lead_rep_idx (rep_id, routed_at): the same order, with the counted columns
CREATE INDEX partner_lead_rep_figures_idx ON partner_lead (rep_id, routed_at)
    INCLUDE (status, first_follow_up_at, follow_up_due_at);
DROP INDEX partner_lead_rep_idx;
