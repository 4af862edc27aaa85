-- tier_week_count (V140) named its two movement columns the wrong way round: moved_down counted
-- the evaluations whose tier went from a worse to a better one (tier_after < tier_before as text:
-- TIER_1_INVEST is the best), which the page shows as "Moved up", and moved_up the others. The
-- columns swap names here, and the two functions that write them are declared again with the
-- columns named for what they count; the figures do not change.
ALTER TABLE tier_week_count RENAME COLUMN moved_down TO moved_better;
ALTER TABLE tier_week_count RENAME COLUMN moved_up TO moved_down;
ALTER TABLE tier_week_count RENAME COLUMN moved_better TO moved_up;

CREATE OR REPLACE FUNCTION tier_week_count_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO tier_week_count AS w (week_start, fiscal_week, evaluations, tier_1, tier_2, tier_3, moved_up,
            moved_down)
        SELECT week_start, min(fiscal_week), sum(sign),
               coalesce(sum(sign) FILTER (WHERE tier_after = 'TIER_1_INVEST'), 0),
               coalesce(sum(sign) FILTER (WHERE tier_after = 'TIER_2_EMERGING'), 0),
               coalesce(sum(sign) FILTER (WHERE tier_after = 'TIER_3_BASELINE'), 0),
               coalesce(sum(sign) FILTER (WHERE tier_after < tier_before), 0),
               coalesce(sum(sign) FILTER (WHERE tier_after > tier_before), 0)
        FROM r GROUP BY week_start ORDER BY week_start
        ON CONFLICT (week_start) DO UPDATE SET
            fiscal_week = least(w.fiscal_week, EXCLUDED.fiscal_week),
            evaluations = w.evaluations + EXCLUDED.evaluations, tier_1 = w.tier_1 + EXCLUDED.tier_1,
            tier_2 = w.tier_2 + EXCLUDED.tier_2, tier_3 = w.tier_3 + EXCLUDED.tier_3,
            moved_up = w.moved_up + EXCLUDED.moved_up, moved_down = w.moved_down + EXCLUDED.moved_down
        $sql$, rows)
$fn$;

CREATE OR REPLACE FUNCTION tier_week_count_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM tier_week_count;
    INSERT INTO tier_week_count (week_start, fiscal_week, evaluations, tier_1, tier_2, tier_3, moved_up, moved_down)
    SELECT week_start, min(fiscal_week), count(*),
           count(*) FILTER (WHERE tier_after = 'TIER_1_INVEST'),
           count(*) FILTER (WHERE tier_after = 'TIER_2_EMERGING'),
           count(*) FILTER (WHERE tier_after = 'TIER_3_BASELINE'),
           count(*) FILTER (WHERE tier_after < tier_before),
           count(*) FILTER (WHERE tier_after > tier_before)
    FROM tier_evaluation GROUP BY week_start;
END
$fn$;
