-- A tier change that moves the closed deals of many partners (the first weekly tier
-- evaluation of an imported program, a change of the thresholds) recounts them with the
-- counts' rebuild (V195: it compares the ledger with the history and reloads it whole when
-- more than 20,000 deals differ) instead of deal by deal: on the large data (40,000
-- partners, 2 million deals) the first evaluation handed about 1.5 million closed deals to
-- forecast_counts_refresh, which was still deleting their ledger rows after 25 minutes
-- (session 63; the refresh measured 2-4 s per 1,000 deals in V195's notes, the rebuild 15.5 s
-- with nothing to repair). Above trellis.forecast_recount_limit closed deals (20,000 unless
-- set, as the rebuild's own limit; tests set it lower) the rebuild runs; the counts it leaves
-- are the refresh's (ForecastCountsRepairTests). Open deals are refreshed as before.

CREATE OR REPLACE FUNCTION forecast_counts_recount(closed BIGINT[]) RETURNS VOID LANGUAGE plpgsql AS $fn$
DECLARE
    recount_limit CONSTANT INT := COALESCE(CAST(NULLIF(current_setting('trellis.forecast_recount_limit', true), '')
        AS INT), 20000);
BEGIN
    IF cardinality(closed) > recount_limit THEN
        PERFORM forecast_counts_rebuild();
    ELSE
        PERFORM forecast_counts_refresh(closed);
    END IF;
END
$fn$;

-- As V110's, the closed deals recounted by forecast_counts_recount.
CREATE OR REPLACE FUNCTION forecast_counts_on_tiers() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners TEXT;
    closed BIGINT[];
    open_ids BIGINT[];
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
    PERFORM forecast_counts_recount(closed);
    EXECUTE 'SELECT ARRAY(SELECT o.id FROM opportunity o WHERE o.partner_id IN (' || partners || ') '
        'AND o.stage NOT IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO open_ids;
    PERFORM forecast_open_refresh(open_ids);
    RETURN NULL;
END
$fn$;

-- As V110's, the closed deals recounted by forecast_counts_recount.
CREATE OR REPLACE FUNCTION forecast_counts_recount_deferred_tiers() RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('trellis.defer_tier_recount', 'off', true);
    IF to_regclass('pg_temp.forecast_tier_recount') IS NULL THEN
        RETURN;
    END IF;
    PERFORM forecast_counts_recount(ARRAY(SELECT o.id FROM opportunity o JOIN forecast_tier_recount r
        ON r.partner_id = o.partner_id WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')));
    PERFORM forecast_open_refresh(ARRAY(SELECT o.id FROM opportunity o JOIN forecast_tier_recount r
        ON r.partner_id = o.partner_id WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    DELETE FROM forecast_tier_recount;
END
$fn$;
