-- Home and list pages at size (issue 15, every home and list page p95 <= 300 ms on the
-- large dataset).

-- A rep's and a sales manager's home: their open deals closing soonest first and their
-- stalled deals, 10-15 of a team's 5,300 open deals. The open deals of some owners are
-- picked from this index alone (OpportunityRepository: the page's ids first, then the
-- deals), so it holds what the work order and the filters read: V120's index with the
-- close date added.
DROP INDEX opportunity_open_owner_idx;
CREATE INDEX opportunity_open_owner_idx ON opportunity (owner_id, stage_entered_at, id)
    INCLUDE (stage, partner_id, currency, amount, close_date) WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');

-- /cosell for the program (admin, executive): the newest requests first, read in order
-- instead of sorting all 201,000.
CREATE INDEX cosell_request_requested_idx ON cosell_request (requested_at DESC, id DESC);

-- The PAM's and the admin's home, "leads to route" (LeadRepository.workOrder: the longest
-- waiting first): a PAM's book of ~200 partners read every lead of its partners from the
-- table to keep the few still to route (340 ms average under load). Only leads to route.
CREATE INDEX partner_lead_submitted_partner_idx ON partner_lead (partner_id, submitted_at, id)
    WHERE status = 'SUBMITTED';

-- The PAM's home, "registrations to decide" and approval SLA breaches of their book: the
-- book's partners' registrations were read from the table (~2,300 of a book) to keep the
-- few awaiting approval. Only registrations awaiting approval.
CREATE INDEX deal_registration_pending_partner_idx ON deal_registration (partner_id) INCLUDE (sla_due_at)
    WHERE status = 'PENDING';
