-- The KPI records pages read only the page's rows (issue 15, module metrics): each group
-- of a drill-down's order (counted or not; partner or direct deals) is walked in its own
-- order and cut at the page's limit, instead of sorting the whole period's or the whole
-- open pipeline's deals (KpiDealRecords, KpiRecords). Each index holds what the walk
-- filters on, so the walk reads index pages only and the page's rows alone are fetched.

-- win rate, average deal size, sales cycle: the period's closed deals in close order
CREATE INDEX opportunity_closed_records_idx ON opportunity (closed_at, id)
    INCLUDE (stage, partner_id, credit_type, currency)
    WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST');

-- the same for a slice's partners (a PAM's book), partner by partner
CREATE INDEX opportunity_partner_closed_records_idx ON opportunity (partner_id, closed_at)
    INCLUDE (id, stage, credit_type, currency)
    WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST');

-- pipeline contribution: the open deals of a currency, largest amount first
CREATE INDEX opportunity_open_value_idx ON opportunity (currency, amount DESC)
    INCLUDE (id, partner_id, credit_type)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND NOT amount_unknown;

-- and those whose amount is unknown (listed last, by id; a handful)
CREATE INDEX opportunity_open_unknown_idx ON opportunity (id)
    INCLUDE (partner_id, credit_type, currency)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND amount_unknown;

-- co-sell share: the period's created deals in creation order
CREATE INDEX opportunity_created_records_idx ON opportunity (created_at, id)
    INCLUDE (partner_id, credit_type);

-- partner-sourced revenue: the period's sourced wins with what their value needs
CREATE INDEX opportunity_won_sourced_value_idx ON opportunity (closed_at)
    INCLUDE (id, partner_id, currency, amount, amount_unknown)
    WHERE stage = 'CLOSED_WON' AND credit_type = 'SOURCED';

-- activated and active partners: the partners in name order
CREATE INDEX partner_name_id_idx ON partner (name, id) INCLUDE (onboarded_on, lifecycle_status);

-- registration velocity: the period's approvals in decision-hour order (quickest first)
CREATE INDEX deal_registration_decision_hour_records_idx
    ON deal_registration (facts_decision_hour(submitted_at, approved_at), approved_at)
    INCLUDE (submitted_at, id)
    WHERE approved_at IS NOT NULL;

-- enablement completion: the partner users with a track role, read without their rows
CREATE INDEX app_user_partner_track_idx ON app_user (partner_id) INCLUDE (id, display_name, job_role)
    WHERE role = 'PARTNER' AND job_role IS NOT NULL;
