-- The forecast counts' full rebuild (V193) with its parts in the two parallel workers and
-- planned for any range of ids (module forecast, issue 15; the follow-up to V179 on branch
-- fc22, measured there, not merged). Only the function's settings and the repair limit
-- change; its body is V193's:
--   * parallel_leader_participation = off: with the leader also running parts, it kept a
--     part's whole result (6-9 s) before reading the workers' queues, and the workers,
--     their queues full, waited for it (the leader ran 8 of the 12 parts on the large demo);
--   * plan_cache_mode = force_generic_plan: each part's statement is planned once for any
--     range (merge join with the ledger, memoized tier lookups); the custom plan for a
--     range hashed the ledger's rows of the range and took 10-13 s a part against 6-9 s;
--   * the refresh deal by deal up to 20,000 differing deals (was 100,000): 2-4 s per 1,000
--     deals against about 100 s for the bulk reload, both at load ~10.
-- On the same copy of the large demo (psql, load 8-11, one run each) the two settings
-- together took 40.2 s against 52.9-56.6 s for the other three combinations.

CREATE OR REPLACE FUNCTION forecast_counts_rebuild() RETURNS VOID
LANGUAGE plpgsql
-- each part's plan: its grouping by (deal, stage) on the history's order (an incremental
-- sort within each deal), not a sort or a hash table over all of them; the parts' counts
-- in a small hash table; the ledger read in its key's order beside the history (a merge
-- join), the partners' tiers looked up once per partner (memoized): the plan for any
-- range of ids, which the custom plan for a range did not choose (10-13 s a part against
-- 6-9 s, load ~10)
SET work_mem = '64MB'
SET enable_sort = off
SET enable_hashagg = on
SET plan_cache_mode = force_generic_plan
-- the parts in the two workers, the leader only collecting their counts: a leader running
-- a part (6-9 s, its result kept whole before the first row) drained no worker's queue,
-- and the workers waited on them (the leader ran 8 parts of 12)
SET parallel_leader_participation = off
AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
    open_stages CONSTANT TEXT[] := ARRAY['REGISTERED', 'QUALIFIED', 'JOINT_WORKING', 'COMMIT'];
    -- above this many deals to repair, reloading the whole ledger is cheaper (the refresh
    -- took 2-4 s per 1,000 deals on the large demo, the reload about 100 s, both at load ~10)
    refresh_limit CONSTANT INT := 20000;
    first_id BIGINT;
    last_id BIGINT;
    parts INT;
    span_partner BIGINT[];
    span_grp TEXT[];
    span_from DATE[];
    span_to DATE[];
    differing BIGINT[];
BEGIN
    -- concurrent closes wait (their triggers write the ledger), readers do not
    LOCK TABLE forecast_deal_stage, forecast_stage_count, forecast_path_count, forecast_stage_days
        IN SHARE ROW EXCLUSIVE MODE;
    IF zone IS NULL THEN
        TRUNCATE forecast_deal_stage, forecast_stage_count, forecast_path_count, forecast_stage_days;
        RETURN;
    END IF;

    -- a deal's group: the tier its partner had on the deal's creation day, from spans of
    -- the tier history as in V137 (before the first change its from_tier, then each
    -- change's to_tier until the next; a later change on the same day wins)
    SELECT array_agg(s.partner_id), array_agg('PARTNER:' || s.tier), array_agg(s.from_day), array_agg(s.to_day)
    INTO span_partner, span_grp, span_from, span_to
    FROM (SELECT c.partner_id, c.to_tier AS tier, c.effective_on AS from_day,
                 lead(c.effective_on) OVER (PARTITION BY c.partner_id ORDER BY c.effective_on, c.id) AS to_day
          FROM tier_change c
          UNION ALL
          (SELECT DISTINCT ON (c.partner_id) c.partner_id, c.from_tier, NULL, c.effective_on
           FROM tier_change c ORDER BY c.partner_id, c.effective_on, c.id)) s;

    IF NOT EXISTS (SELECT 1 FROM forecast_deal_stage) THEN
        -- the first build: nothing to compare, V137's load and counts
        PERFORM forecast_ledger_reload(zone, span_partner, span_grp, span_from, span_to);
        PERFORM forecast_counts_from_ledger();
        RETURN;
    END IF;

    -- parts of about 50,000 ids (trellis.forecast_rebuild_part_ids, for tests), at most 12;
    -- the first and last open-ended so that every deal and ledger row falls in one
    SELECT min(o.id), max(o.id) INTO first_id, last_id FROM opportunity o;
    parts := LEAST(12, GREATEST(1, (COALESCE(last_id, 0) - COALESCE(first_id, 0))
        / COALESCE(CAST(NULLIF(current_setting('trellis.forecast_rebuild_part_ids', true), '') AS BIGINT), 50000)));
    IF to_regclass('pg_temp.forecast_rebuilt') IS NOT NULL THEN
        DROP TABLE pg_temp.forecast_rebuilt;
    END IF;
    EXECUTE 'CREATE TEMP TABLE forecast_rebuilt ON COMMIT DROP AS '
        || (SELECT string_agg(format('SELECT * FROM forecast_rebuild_part(%s, %s, $1, $2, $3, $4, $5)',
                CASE WHEN i = 0 THEN -9223372036854775808 ELSE COALESCE(first_id, 0) + i * ((COALESCE(last_id, 0) - COALESCE(first_id, 0)) / parts + 1) END,
                CASE WHEN i = parts - 1 THEN 9223372036854775807 ELSE COALESCE(first_id, 0) + (i + 1) * ((COALESCE(last_id, 0) - COALESCE(first_id, 0)) / parts + 1) END),
              ' UNION ALL ' ORDER BY i)
            FROM generate_series(0, parts - 1) i)
        USING zone, span_partner, span_grp, span_from, span_to;

    -- the ledger: repaired where it differs from the history
    differing := ARRAY(SELECT DISTINCT d FROM forecast_rebuilt r, unnest(r.differing) d);
    IF cardinality(differing) > refresh_limit THEN
        PERFORM forecast_ledger_reload(zone, span_partner, span_grp, span_from, span_to);
    ELSIF cardinality(differing) > 0 THEN
        -- also moves the counts, which are written whole below
        PERFORM forecast_counts_refresh(differing);
    END IF;

    IF EXISTS (SELECT 1 FROM forecast_rebuilt r WHERE r.stage <> ALL (open_stages)) THEN
        -- a stage the parts do not count paths to: every count from the repaired ledger
        PERFORM forecast_counts_from_ledger();
    ELSE
        DELETE FROM forecast_stage_count;
        DELETE FROM forecast_stage_days;
        DELETE FROM forecast_path_count;
        INSERT INTO forecast_stage_count (stage, grp, closed, won)
        SELECT r.stage, r.grp, sum(r.deals), sum(r.won) FROM forecast_rebuilt r
        WHERE r.stage IS NOT NULL GROUP BY r.stage, r.grp HAVING sum(r.deals) > 0;
        INSERT INTO forecast_stage_days (stage, grp, bin, deals)
        SELECT r.stage, r.grp, r.bin, sum(r.deals) FROM forecast_rebuilt r
        WHERE r.stage IS NOT NULL AND r.bin IS NOT NULL GROUP BY r.stage, r.grp, r.bin HAVING sum(r.deals) > 0;
        INSERT INTO forecast_path_count (from_stage, to_stage, grp, deals)
        SELECT r.stage, t.stage, r.grp, sum(t.deals)
        FROM forecast_rebuilt r
        CROSS JOIN LATERAL (VALUES ('REGISTERED', r.to_registered), ('QUALIFIED', r.to_qualified),
            ('JOINT_WORKING', r.to_joint_working), ('COMMIT', r.to_commit)) AS t (stage, deals)
        WHERE r.stage IS NOT NULL
        GROUP BY r.stage, t.stage, r.grp HAVING sum(t.deals) > 0;
    END IF;
    DROP TABLE pg_temp.forecast_rebuilt;
END
$fn$;
