-- A rep's or a team's routed leads (module leads, issue 15): the home page's "leads to
-- follow up" list of a sales manager read every lead of the team's reps (6,315 rows from
-- 4,821 pages of partner_lead on the large dataset, 17 ms warm, 54 ms a request under
-- load) to keep the 163 still routed. The routed leads of each rep from this index instead.
CREATE INDEX partner_lead_routed_rep_idx ON partner_lead (rep_id, follow_up_due_at) WHERE status = 'ROUTED';
