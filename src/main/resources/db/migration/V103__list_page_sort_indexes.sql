-- Indexes in the default order of the list pages (issue 15: every list page p95 <= 300 ms
-- on 2M deals), so a page reads its 25 rows in order and its pager counts at most 1,000
-- rows past it instead of sorting and counting the whole table.

-- /opportunities: OpportunityRepository.WORK_ORDER (open deals first, the soonest close on
-- top, then closed deals, the latest close first); program-wide and within one partner
-- (a partner user's list, a partner's deals).
CREATE INDEX opportunity_work_order_idx ON opportunity (
    (stage IN ('CLOSED_WON', 'CLOSED_LOST')),
    (CASE WHEN stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') THEN close_date END) ASC NULLS LAST,
    close_date DESC NULLS LAST, id DESC);
CREATE INDEX opportunity_partner_work_order_idx ON opportunity (
    partner_id,
    (stage IN ('CLOSED_WON', 'CLOSED_LOST')),
    (CASE WHEN stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') THEN close_date END) ASC NULLS LAST,
    close_date DESC NULLS LAST, id DESC)
    WHERE partner_id IS NOT NULL;

-- /process (stalled deals) and the home queues: open deals, the longest in their stage first.
CREATE INDEX opportunity_open_stage_entered_idx ON opportunity (stage_entered_at, id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');

-- /registrations: RegistrationRepository.WORK_ORDER (waiting for a decision first, the
-- oldest deadline on top, then the rest, newest first).
CREATE INDEX deal_registration_work_order_idx ON deal_registration (
    (status NOT IN ('PENDING', 'ON_HOLD')),
    (CASE WHEN status IN ('PENDING', 'ON_HOLD') THEN COALESCE(sla_due_at, submitted_at) END) ASC,
    submitted_at DESC, id DESC);

-- /leads: LeadRepository.WORK_ORDER (to route, then routed by follow-up deadline, then the
-- decided ones, newest first).
CREATE INDEX partner_lead_work_order_idx ON partner_lead (
    (CASE status WHEN 'SUBMITTED' THEN 0 WHEN 'ROUTED' THEN 1 ELSE 2 END),
    (CASE WHEN status = 'SUBMITTED' THEN submitted_at END) ASC,
    (CASE WHEN status = 'ROUTED' THEN follow_up_due_at END) ASC NULLS LAST,
    submitted_at DESC, id DESC);

-- /partners, /accounts and /admin/users in their default order by name (the existing
-- lower(name) indexes are text_pattern_ops, for prefix searches, and cannot give the order).
CREATE INDEX partner_name_order_idx ON partner (lower(name), id);
CREATE INDEX account_name_order_idx ON account (lower(name), id);
CREATE INDEX app_user_display_name_order_idx ON app_user (display_name, id);
