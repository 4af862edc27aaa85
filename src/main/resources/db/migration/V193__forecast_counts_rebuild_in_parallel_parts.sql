-- The forecast counts' full rebuild in parallel parts, writing only the ledger rows that
-- differ (module forecast, issue 15; written as V179 on branch fc22, merged, reverted, and
-- brought back as V193-V195). V137's rebuild truncated the ledger and wrote all of it again
-- (4.8 million rows and two indexes on the large demo, about a third of its time), then read
-- it back twice: once for the stage counts and day bins, once for a self-join of every
-- deal's rows for the path counts. Here:
--   * forecast_rebuild_part(lo, hi, …) computes, for the closed deals with lo <= id < hi,
--     every (deal, stage) stay from the stage history as V137 did (read from V194's index
--     alone), compares it with the ledger's row and counts it: per stage, group and day bin
--     the deals, the won deals and, per later stage reached, the paths (the deal's last
--     entry into that stage after the stay's first entry, or the stage itself). It returns
--     those counts and the ids of the deals whose ledger rows differ from the history
--     (missing, extra or changed).
--   * forecast_counts_rebuild() runs the parts as one UNION ALL, which PostgreSQL runs as a
--     Parallel Append (each part in one worker or the leader; V195 leaves them to the two
--     workers; the window functions inside a part make it a function rather than a
--     subquery: a window in the query itself keeps the whole plan in one process), writes
--     the counts from the parts' totals and repairs the ledger: nothing when it equals the
--     history; the differing deals through forecast_counts_refresh when they are few;
--     V137's bulk reload when they are many or the ledger is empty.
-- The counts equal V137's for every database: a stage outside the four open stages the
-- parts count paths to falls back to V137's counting from the repaired ledger
-- (forecast_counts_from_ledger), as does the first build, with an empty ledger.

CREATE OR REPLACE FUNCTION forecast_rebuild_part(lo BIGINT, hi BIGINT, zone TEXT,
    span_partner BIGINT[], span_grp TEXT[], span_from DATE[], span_to DATE[])
RETURNS TABLE (stage TEXT, grp TEXT, bin INT, deals BIGINT, won BIGINT, to_registered BIGINT,
    to_qualified BIGINT, to_joint_working BIGINT, to_commit BIGINT, differing BIGINT[])
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 100000000 ROWS 3000 AS $fn$
BEGIN
    RETURN QUERY
    WITH visit AS (
        -- each stage change of a closed deal, with the next change's time and, per open
        -- stage, the deal's last entry into it
        SELECT sc.opportunity_id, sc.to_stage AS stage, sc.changed_at,
               o.stage = 'CLOSED_WON' AS won, o.partner_id, o.created_at,
               lead(sc.changed_at) OVER w AS next_at,
               max(sc.changed_at) FILTER (WHERE sc.to_stage = 'REGISTERED') OVER w AS last_registered,
               max(sc.changed_at) FILTER (WHERE sc.to_stage = 'QUALIFIED') OVER w AS last_qualified,
               max(sc.changed_at) FILTER (WHERE sc.to_stage = 'JOINT_WORKING') OVER w AS last_joint_working,
               max(sc.changed_at) FILTER (WHERE sc.to_stage = 'COMMIT') OVER w AS last_commit
        FROM opportunity_stage_change sc JOIN opportunity o ON o.id = sc.opportunity_id
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
          AND sc.opportunity_id >= lo AND sc.opportunity_id < hi AND o.id >= lo AND o.id < hi
        WINDOW w AS (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
    stay AS (
        -- the ledger row of each (deal, open stage); the other keys are the deal's
        SELECT v.opportunity_id, v.stage, v.won, v.partner_id, v.created_at, v.last_registered,
               v.last_qualified, v.last_joint_working, v.last_commit,
               sum(extract(epoch FROM v.next_at - v.changed_at) / 86400) AS days,
               min(v.changed_at) AS first_at, max(v.changed_at) AS last_at
        FROM visit v
        WHERE v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        GROUP BY v.opportunity_id, v.stage, v.won, v.partner_id, v.created_at, v.last_registered,
                 v.last_qualified, v.last_joint_working, v.last_commit),
    compared AS (
        SELECT k.*, l.opportunity_id AS kept_id, l.grp AS kept_grp, l.won AS kept_won, l.days AS kept_days,
               l.first_at AS kept_first, l.last_at AS kept_last,
               CASE WHEN k.opportunity_id IS NULL THEN NULL WHEN k.partner_id IS NULL THEN 'DIRECT'
                    ELSE COALESCE(s.grp, p.grp) END AS grp
        FROM stay k
        FULL JOIN (SELECT f.* FROM forecast_deal_stage f WHERE f.opportunity_id >= lo AND f.opportunity_id < hi) l
          ON l.opportunity_id = k.opportunity_id AND l.stage = k.stage
        LEFT JOIN (SELECT p.id, 'PARTNER:' || p.tier AS grp FROM partner p) p ON p.id = k.partner_id
        LEFT JOIN unnest(span_partner, span_grp, span_from, span_to) AS s (partner_id, grp, from_day, to_day)
          ON s.partner_id = k.partner_id
          AND (s.from_day IS NULL OR s.from_day <= CAST(k.created_at AT TIME ZONE zone AS DATE))
          AND (s.to_day IS NULL OR CAST(k.created_at AT TIME ZONE zone AS DATE) < s.to_day))
    SELECT c.stage, c.grp, CAST(floor(c.days + 0.5) AS INT),
           count(c.opportunity_id), count(*) FILTER (WHERE c.won),
           count(*) FILTER (WHERE c.stage = 'REGISTERED' OR c.last_registered > c.first_at),
           count(*) FILTER (WHERE c.stage = 'QUALIFIED' OR c.last_qualified > c.first_at),
           count(*) FILTER (WHERE c.stage = 'JOINT_WORKING' OR c.last_joint_working > c.first_at),
           count(*) FILTER (WHERE c.stage = 'COMMIT' OR c.last_commit > c.first_at),
           -- scale: a ledger row must be written as the history gives it, 1.50 is not 1.5
           array_agg(COALESCE(c.opportunity_id, c.kept_id)) FILTER (WHERE c.opportunity_id IS NULL OR c.kept_id IS NULL
             OR (c.grp, c.won, c.days, scale(c.days), c.first_at, c.last_at)
                IS DISTINCT FROM (c.kept_grp, c.kept_won, c.kept_days, scale(c.kept_days), c.kept_first, c.kept_last))
    FROM compared c
    GROUP BY 1, 2, 3;
END
$fn$;

CREATE OR REPLACE FUNCTION forecast_counts_rebuild() RETURNS VOID
LANGUAGE plpgsql
-- each part's plan: its grouping by (deal, stage) on the history's order (an incremental
-- sort within each deal), not a sort or a hash table over all of them; the parts' counts
-- in a small hash table
SET work_mem = '64MB'
SET enable_sort = off
SET enable_hashagg = on
AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
    open_stages CONSTANT TEXT[] := ARRAY['REGISTERED', 'QUALIFIED', 'JOINT_WORKING', 'COMMIT'];
    -- above this many deals to repair, reloading the whole ledger is cheaper
    refresh_limit CONSTANT INT := 100000;
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

-- V137's ledger load: every closed deal's rows written again, the ledger's two indexes
-- dropped for the load and built once after it.
CREATE OR REPLACE FUNCTION forecast_ledger_reload(zone TEXT, span_partner BIGINT[], span_grp TEXT[], span_from DATE[],
    span_to DATE[]) RETURNS VOID
LANGUAGE plpgsql
SET enable_hashagg = off
SET maintenance_work_mem = '512MB'
AS $fn$
BEGIN
    TRUNCATE forecast_deal_stage;
    ALTER TABLE forecast_deal_stage DROP CONSTRAINT forecast_deal_stage_pkey;
    DROP INDEX forecast_deal_stage_days_idx;
    -- a deal's rows come out of the window sorted by deal: grouped by sorting each deal's
    -- few rows rather than through one hash table over millions of rows
    WITH deal AS MATERIALIZED (
        SELECT o.id, o.stage = 'CLOSED_WON' AS won,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE COALESCE(s.grp, 'PARTNER:' || p.tier) END AS grp
        FROM opportunity o
        LEFT JOIN partner p ON p.id = o.partner_id
        LEFT JOIN unnest(span_partner, span_grp, span_from, span_to) AS s (partner_id, grp, from_day, to_day)
          ON s.partner_id = o.partner_id
          AND (s.from_day IS NULL OR s.from_day <= CAST(o.created_at AT TIME ZONE zone AS DATE))
          AND (s.to_day IS NULL OR CAST(o.created_at AT TIME ZONE zone AS DATE) < s.to_day)
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')),
    visit AS (
        SELECT sc.opportunity_id, sc.to_stage AS stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
                 - sc.changed_at) / 86400 AS days, sc.changed_at
        FROM opportunity_stage_change sc
        WHERE EXISTS (SELECT 1 FROM opportunity o WHERE o.id = sc.opportunity_id AND o.stage IN ('CLOSED_WON', 'CLOSED_LOST'))),
    stay AS (
        SELECT v.opportunity_id, v.stage, sum(v.days) AS days, min(v.changed_at) AS first_at, max(v.changed_at) AS last_at
        FROM visit v WHERE v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        GROUP BY v.opportunity_id, v.stage)
    INSERT INTO forecast_deal_stage (opportunity_id, stage, grp, won, days, first_at, last_at)
    SELECT s.opportunity_id, s.stage, d.grp, d.won, s.days, s.first_at, s.last_at
    FROM stay s JOIN deal d ON d.id = s.opportunity_id;
    ALTER TABLE forecast_deal_stage ADD CONSTRAINT forecast_deal_stage_pkey PRIMARY KEY (opportunity_id, stage);
    CREATE INDEX forecast_deal_stage_days_idx ON forecast_deal_stage (stage, grp, days);
END
$fn$;

-- V137's counts from the ledger as it is: stage counts and day bins in one pass, the paths
-- from a self-join of each deal's rows.
CREATE OR REPLACE FUNCTION forecast_counts_from_ledger() RETURNS VOID
LANGUAGE plpgsql
SET work_mem = '512MB'
SET enable_hashagg = on
AS $fn$
BEGIN
    DELETE FROM forecast_stage_count;
    DELETE FROM forecast_stage_days;
    DELETE FROM forecast_path_count;
    WITH binned AS (
        SELECT stage, grp, CAST(floor(days + 0.5) AS INT) AS bin, count(*) AS deals, count(*) FILTER (WHERE won) AS won
        FROM forecast_deal_stage GROUP BY 1, 2, 3),
    day_bins AS (
        INSERT INTO forecast_stage_days (stage, grp, bin, deals)
        SELECT stage, grp, bin, deals FROM binned WHERE bin IS NOT NULL)
    INSERT INTO forecast_stage_count (stage, grp, closed, won)
    SELECT stage, grp, sum(deals), sum(won) FROM binned GROUP BY stage, grp;

    INSERT INTO forecast_path_count (from_stage, to_stage, grp, deals)
    SELECT f.stage, t.stage, f.grp, count(*)
    FROM forecast_deal_stage f JOIN forecast_deal_stage t ON t.opportunity_id = f.opportunity_id
      AND (t.stage = f.stage OR t.last_at > f.first_at)
    GROUP BY f.stage, t.stage, f.grp;
END
$fn$;
