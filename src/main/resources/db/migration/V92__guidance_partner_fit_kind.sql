-- Guidance (§C16): the AE's partner fit becomes a stored recommendation (kind PARTNER_FIT, one per
-- person and deal). It aims at the partner getting onto that deal (attached, or asked for co-sell
-- help on it), so the recommendation keeps the deal it is about; other kinds leave it empty.
ALTER TABLE guidance_recommendation ADD COLUMN opportunity_id BIGINT;

ALTER TABLE guidance_recommendation DROP CONSTRAINT guidance_recommendation_outcome_check;
ALTER TABLE guidance_recommendation
    ADD CONSTRAINT guidance_recommendation_outcome_check
        CHECK (outcome IN ('REGISTRATION', 'COSELL', 'DEAL_PARTNER'));
