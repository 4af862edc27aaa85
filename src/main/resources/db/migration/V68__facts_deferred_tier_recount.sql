-- A job that moves many partners' tiers one statement at a time (the weekly tier
-- evaluation) may defer the forecast counts' recount to the end of its transaction: while
-- the transaction-local setting trellis.defer_tier_recount is 'on', the tier triggers only
-- note the partners, and forecast_counts_recount_deferred_tiers() recounts their closed
-- deals once (DealFacts.deferTierRecounts / recountDeferredTiers).
CREATE OR REPLACE FUNCTION forecast_counts_on_tiers() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners TEXT;
    closed BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    partners := CASE
        WHEN TG_TABLE_NAME = 'partner' THEN
            'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tier IS DISTINCT FROM o.tier'
        WHEN TG_OP = 'INSERT' THEN 'SELECT partner_id FROM new_rows'
        WHEN TG_OP = 'DELETE' THEN 'SELECT partner_id FROM old_rows'
        ELSE 'SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows' END;
    IF current_setting('trellis.defer_tier_recount', true) = 'on' THEN
        IF to_regclass('pg_temp.forecast_tier_recount') IS NULL THEN
            CREATE TEMP TABLE forecast_tier_recount (partner_id BIGINT PRIMARY KEY) ON COMMIT DELETE ROWS;
        END IF;
        EXECUTE 'INSERT INTO forecast_tier_recount SELECT DISTINCT id FROM (' || partners || ') p(id) '
            'WHERE id IS NOT NULL ON CONFLICT DO NOTHING';
        RETURN NULL;
    END IF;
    EXECUTE 'SELECT ARRAY(SELECT o.id FROM opportunity o WHERE o.partner_id IN (' || partners || ') '
        'AND o.stage IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO closed;
    PERFORM forecast_counts_refresh(closed);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION forecast_counts_recount_deferred_tiers() RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('trellis.defer_tier_recount', 'off', true);
    IF to_regclass('pg_temp.forecast_tier_recount') IS NULL THEN
        RETURN;
    END IF;
    PERFORM forecast_counts_refresh(ARRAY(SELECT o.id FROM opportunity o JOIN forecast_tier_recount r
        ON r.partner_id = o.partner_id WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')));
    DELETE FROM forecast_tier_recount;
END
$fn$;
