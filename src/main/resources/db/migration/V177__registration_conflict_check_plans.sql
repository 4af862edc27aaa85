-- A conflict-checked registration's work in the database, without the planning and the heap
-- reads it did not need (issue 15, reg22; modules facts and deals, for registration).
--
-- 1. Every activity event (one per registration) moves its partner's latest activity, and
--    facts_recency_activity_moved (V142) runs four statements on the partner ids. Their
--    parameter is an array, so the plan cache found a plan for the array it was given
--    cheaper than one for any array and planned each statement again on every call: on the
--    large data 1.6 ms a call, of which 0.1 ms execution (psql, 500 calls of one partner,
--    warm). Each statement reads partner_recency and partner_activity_fact by their primary
--    keys, which suits any number of partners, so the function keeps one plan per session.
ALTER FUNCTION facts_recency_activity_moved(BIGINT[]) SET plan_cache_mode = force_generic_plan;

-- 2. The open deals on the accounts that may be the customer (Deals.openClaimsOnAccounts,
--    about one registration in three on the large data) read each deal's row for its id,
--    partner and creation: 168 heap pages for the 50 accounts of "city of northgate", most
--    of them read from the file system (16–43 ms cold). These entries give the same rows
--    from the index alone (0.3 ms warm, no heap fetch once the pages are all-visible).
CREATE INDEX opportunity_open_account_claim_idx ON opportunity (account_id) INCLUDE (partner_id, created_at, id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');
