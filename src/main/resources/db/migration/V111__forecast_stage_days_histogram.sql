-- The time-in-stage norms learned from the counts without sorting the ledger (module
-- forecast, issue 15). A norm is the median of the days closed deals spent in a stage
-- (percentile_cont over forecast_deal_stage.days, 4.8 million rows on the large demo: a
-- full relearn sorted all of them, 30 s). forecast_stage_days counts the ledger's days per
-- stage, group and half-open bin [bin - 0.5, bin + 0.5), moved with the ledger; the model
-- finds the bin that holds the middle row(s) from these counts and reads only those rows
-- through forecast_deal_stage_days_idx (ForecastCounts.stageDurations), which gives the
-- same median as the sort.

CREATE TABLE forecast_stage_days (
    stage TEXT   NOT NULL,
    grp   TEXT   NOT NULL,
    bin   INT    NOT NULL,
    deals BIGINT NOT NULL,
    PRIMARY KEY (stage, grp, bin)
);

-- As V64_1's, and also moves forecast_stage_days by the ledger rows replaced.
CREATE OR REPLACE FUNCTION forecast_counts_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    IF zone IS NULL OR ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    IF to_regclass('pg_temp.forecast_counted_days') IS NULL THEN
        CREATE TEMP TABLE forecast_counted_days (opportunity_id BIGINT, stage TEXT, grp TEXT, won BOOLEAN,
            days NUMERIC, first_at TIMESTAMPTZ, last_at TIMESTAMPTZ, sign INT) ON COMMIT DELETE ROWS;
    END IF;
    DELETE FROM forecast_counted_days;
    WITH gone AS (DELETE FROM forecast_deal_stage d WHERE d.opportunity_id = ANY (ids) RETURNING d.*)
    INSERT INTO forecast_counted_days SELECT opportunity_id, stage, grp, won, days, first_at, last_at, -1 FROM gone;
    WITH visits AS (
        SELECT sc.opportunity_id, sc.to_stage AS stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
                 - sc.changed_at) / 86400 AS days, sc.changed_at
        FROM opportunity_stage_change sc
        WHERE sc.opportunity_id = ANY (ids)),
    added AS (
        INSERT INTO forecast_deal_stage (opportunity_id, stage, grp, won, days, first_at, last_at)
        SELECT v.opportunity_id, v.stage,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
                    ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE zone AS DATE)), p.tier) END,
               o.stage = 'CLOSED_WON', sum(v.days), min(v.changed_at), max(v.changed_at)
        FROM visits v JOIN opportunity o ON o.id = v.opportunity_id LEFT JOIN partner p ON p.id = o.partner_id
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        GROUP BY 1, 2, 3, 4
        RETURNING opportunity_id, stage, grp, won, days, first_at, last_at)
    INSERT INTO forecast_counted_days SELECT opportunity_id, stage, grp, won, days, first_at, last_at, 1 FROM added;

    INSERT INTO forecast_stage_count AS c (stage, grp, closed, won)
    SELECT stage, grp, sum(sign), COALESCE(sum(sign) FILTER (WHERE won), 0) FROM forecast_counted_days GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE won), 0) <> 0 ORDER BY 1, 2
    ON CONFLICT (stage, grp) DO UPDATE SET closed = c.closed + EXCLUDED.closed, won = c.won + EXCLUDED.won;

    INSERT INTO forecast_path_count AS c (from_stage, to_stage, grp, deals)
    SELECT f.stage, t.stage, f.grp, sum(f.sign)
    FROM forecast_counted_days f JOIN forecast_counted_days t ON t.opportunity_id = f.opportunity_id AND t.sign = f.sign
      AND (t.stage = f.stage OR t.last_at > f.first_at)
    GROUP BY 1, 2, 3 HAVING sum(f.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (from_stage, to_stage, grp) DO UPDATE SET deals = c.deals + EXCLUDED.deals;

    INSERT INTO forecast_stage_days AS c (stage, grp, bin, deals)
    SELECT stage, grp, CAST(floor(days + 0.5) AS INT), sum(sign) FROM forecast_counted_days WHERE days IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (stage, grp, bin) DO UPDATE SET deals = c.deals + EXCLUDED.deals;
    DELETE FROM forecast_counted_days;
END
$fn$;

-- As V64_3's, and also counts forecast_stage_days.
CREATE OR REPLACE FUNCTION forecast_counts_rebuild() RETURNS VOID
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

-- Counted now from the ledger as it is (an upgrade).
INSERT INTO forecast_stage_days (stage, grp, bin, deals)
SELECT stage, grp, CAST(floor(days + 0.5) AS INT), count(*) FROM forecast_deal_stage WHERE days IS NOT NULL
GROUP BY 1, 2, 3;
