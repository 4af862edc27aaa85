-- The forecast counts' full rebuild as V137 defined it (before V193), as a function of the
-- session (ForecastRebuildBenchmark times it next to today's in the same run).
CREATE FUNCTION pg_temp.forecast_counts_rebuild_v137() RETURNS VOID
LANGUAGE plpgsql
SET work_mem = '512MB'
SET maintenance_work_mem = '512MB'
SET enable_hashagg = on
AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    TRUNCATE forecast_deal_stage, forecast_stage_count, forecast_path_count, forecast_stage_days;
    IF zone IS NULL THEN
        RETURN;
    END IF;
    ALTER TABLE forecast_deal_stage DROP CONSTRAINT forecast_deal_stage_pkey;
    DROP INDEX forecast_deal_stage_days_idx;

    -- a deal's rows come out of the window sorted by deal: grouped by sorting each deal's
    -- few rows rather than through one hash table over millions of rows
    PERFORM set_config('enable_hashagg', 'off', true);
    WITH span AS (
        SELECT c.partner_id, c.to_tier AS tier, c.effective_on AS from_day,
               lead(c.effective_on) OVER (PARTITION BY c.partner_id ORDER BY c.effective_on, c.id) AS to_day
        FROM tier_change c
        UNION ALL
        (SELECT DISTINCT ON (c.partner_id) c.partner_id, c.from_tier, NULL, c.effective_on
         FROM tier_change c ORDER BY c.partner_id, c.effective_on, c.id)),
    deal AS MATERIALIZED (
        SELECT o.id, o.stage = 'CLOSED_WON' AS won,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER:' || COALESCE(s.tier, p.tier) END AS grp
        FROM opportunity o
        LEFT JOIN partner p ON p.id = o.partner_id
        LEFT JOIN span s ON s.partner_id = o.partner_id
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
    PERFORM set_config('enable_hashagg', 'on', true);

    ALTER TABLE forecast_deal_stage ADD CONSTRAINT forecast_deal_stage_pkey PRIMARY KEY (opportunity_id, stage);
    CREATE INDEX forecast_deal_stage_days_idx ON forecast_deal_stage (stage, grp, days);

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
