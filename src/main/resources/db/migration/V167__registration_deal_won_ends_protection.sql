-- A won deal ends its registration's protection (DEAL_WON), as a lost one does (DEAL_LOST,
-- V34). Until now an approved registration whose deal closed won stayed APPROVED, which the
-- conflict check counts as protecting, and the expiry job skips registrations whose deal
-- closed: it held the customer for ever, so a later registration of it (an expansion deal)
-- was held behind it "until" a date long past, or rejected as a duplicate of the partner's
-- own won registration. The registrations still held behind one that ends here are
-- released by the next expiry run (ProtectionRepository.lapsedWithQueue).
ALTER TABLE deal_registration DROP CONSTRAINT deal_registration_status_check;
ALTER TABLE deal_registration ADD CONSTRAINT deal_registration_status_check
    CHECK (status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'DEAL_LOST',
                      'DEAL_WON'));

-- V130's statement trigger on deal_registration compares the transition tables' old and new
-- rows by id; the planner knows nothing of their size and joined them in a nested loop, so the
-- update below (148,392 rows on the large benchmark data) ran for over 14 minutes without an
-- end. A hash join takes the same answer in one pass (34 s for the whole update there).
ALTER FUNCTION registration_decision_on_registrations() SET enable_nestloop = off;

-- Only deals that are closed won now: an approved registration whose won deal was reopened
-- keeps its protection and ends when the deal closes again.
WITH won AS (
    UPDATE deal_registration r
    SET status = 'DEAL_WON', decided_by = NULL, decided_at = r.deal_closed_at, version = r.version + 1,
        status_reason = 'Your deal closed won; the registration did its work and its protection ended.'
    FROM opportunity o
    WHERE r.status = 'APPROVED' AND r.deal_closed_at IS NOT NULL AND o.id = r.opportunity_id
      AND o.stage = 'CLOSED_WON'
    RETURNING r.id, r.opportunity_id, r.deal_closed_at)
INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
SELECT id, 'APPROVED', 'DEAL_WON', NULL, deal_closed_at,
       'Deal ' || opportunity_id || ' closed won; protection ended (recorded when won deals began to end it)'
FROM won;
