-- The forecast counts' full rebuild as V111 defined it (before V137), as a function of the
-- session (ForecastRebuildBenchmark times it next to today's in the same run).
CREATE FUNCTION pg_temp.forecast_counts_rebuild_v111() RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    TRUNCATE forecast_deal_stage, forecast_stage_count, forecast_path_count, forecast_stage_days;
    IF zone IS NULL THEN
        RETURN;
    END IF;
    WITH deal AS (
        SELECT o.id, o.stage = 'CLOSED_WON' AS won,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
                    ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE zone AS DATE)), p.tier) END AS grp
        FROM opportunity o LEFT JOIN partner p ON p.id = o.partner_id
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')),
    visits AS (
        SELECT sc.opportunity_id, sc.to_stage AS stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
                 - sc.changed_at) / 86400 AS days, sc.changed_at
        FROM opportunity_stage_change sc JOIN deal d ON d.id = sc.opportunity_id)
    INSERT INTO forecast_deal_stage (opportunity_id, stage, grp, won, days, first_at, last_at)
    SELECT v.opportunity_id, v.stage, d.grp, d.won, sum(v.days), min(v.changed_at), max(v.changed_at)
    FROM visits v JOIN deal d ON d.id = v.opportunity_id
    WHERE v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
    GROUP BY v.opportunity_id, v.stage, d.grp, d.won;

    INSERT INTO forecast_stage_count (stage, grp, closed, won)
    SELECT stage, grp, count(*), count(*) FILTER (WHERE won) FROM forecast_deal_stage GROUP BY stage, grp;

    INSERT INTO forecast_path_count (from_stage, to_stage, grp, deals)
    SELECT f.stage, t.stage, f.grp, count(*)
    FROM forecast_deal_stage f JOIN forecast_deal_stage t ON t.opportunity_id = f.opportunity_id
      AND (t.stage = f.stage OR t.last_at > f.first_at)
    GROUP BY f.stage, t.stage, f.grp;

    INSERT INTO forecast_stage_days (stage, grp, bin, deals)
    SELECT stage, grp, CAST(floor(days + 0.5) AS INT), count(*) FROM forecast_deal_stage WHERE days IS NOT NULL
    GROUP BY 1, 2, 3;
END
$fn$;

