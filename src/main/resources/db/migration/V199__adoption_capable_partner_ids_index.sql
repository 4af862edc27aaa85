-- The capable partners' ids from an index alone (module adoption, issue 15).
--
-- The adoption page's diagnosis counts the capable partners (active, tier 1 or 2) with no deal
-- created in the last 90 days: AdoptionRepository.idleCapable joins those partners to each
-- partner's newest deal creation kept by V182 (adoption_partner_last_deal). The capable
-- partners' rows are 1,324 heap pages of partner on the large dataset: the join read 1,590
-- buffers. Their ids from this partial index alone (an index-only scan, the table's visibility
-- map set by VACUUM) read 227 (10-13 ms warm). The predicate is the query's own, so the planner
-- can match it.
CREATE INDEX partner_capable_id_idx ON partner (id)
    WHERE lifecycle_status = 'ACTIVE' AND tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING');
