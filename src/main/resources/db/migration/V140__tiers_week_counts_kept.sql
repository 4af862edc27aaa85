-- The program's tier page (module tiers, issue 15) counted every weekly evaluation of every
-- partner per request (tier_evaluation: one row per partner and week, grouped by week). The
-- counts are kept per week instead:
--
-- tier_week_count: per week_start, the evaluations, how many ended in each tier, how many moved
-- down (tier_after < tier_before, as text, the page's rule) and up, and the week's fiscal week
-- label (every evaluation of a week carries the same one: FiscalQuarter's week of its start;
-- the least one seen is kept, as min(fiscal_week) read it). Kept by statement triggers on
-- tier_evaluation: inserted rows added, deleted rows taken away, an update both; a week without
-- evaluations left is removed; a TRUNCATE empties it. tier_week_count_rebuild() recomputes it
-- from the evaluations.

CREATE TABLE tier_week_count (
    week_start   DATE   PRIMARY KEY,
    fiscal_week  TEXT   NOT NULL,
    evaluations  BIGINT NOT NULL,
    tier_1       BIGINT NOT NULL,
    tier_2       BIGINT NOT NULL,
    tier_3       BIGINT NOT NULL,
    moved_down   BIGINT NOT NULL,
    moved_up     BIGINT NOT NULL
);

-- The statement that adds the signed evaluation rows the query text yields (columns: sign,
-- week_start, fiscal_week, tier_before, tier_after) to their weeks, weeks in order.
CREATE FUNCTION tier_week_count_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO tier_week_count AS w (week_start, fiscal_week, evaluations, tier_1, tier_2, tier_3, moved_down,
            moved_up)
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
            moved_down = w.moved_down + EXCLUDED.moved_down, moved_up = w.moved_up + EXCLUDED.moved_up
        $sql$, rows)
$fn$;

CREATE FUNCTION tier_week_count_on_evaluations() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    columns CONSTANT TEXT := 'week_start, fiscal_week, tier_before, tier_after';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE tier_week_count;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE tier_week_count_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE tier_week_count_sql('SELECT -1 AS sign, ' || columns || ' FROM old_rows');
    ELSE
        EXECUTE tier_week_count_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows UNION ALL SELECT -1, '
            || columns || ' FROM old_rows');
    END IF;
    DELETE FROM tier_week_count WHERE evaluations = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER tier_week_count_insert AFTER INSERT ON tier_evaluation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tier_week_count_on_evaluations();
CREATE TRIGGER tier_week_count_update AFTER UPDATE ON tier_evaluation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tier_week_count_on_evaluations();
CREATE TRIGGER tier_week_count_delete AFTER DELETE ON tier_evaluation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tier_week_count_on_evaluations();
CREATE TRIGGER tier_week_count_truncate AFTER TRUNCATE ON tier_evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION tier_week_count_on_evaluations();

-- Recomputes the counts from the evaluations (the upgrade, and a repair).
CREATE FUNCTION tier_week_count_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM tier_week_count;
    INSERT INTO tier_week_count (week_start, fiscal_week, evaluations, tier_1, tier_2, tier_3, moved_down, moved_up)
    SELECT week_start, min(fiscal_week), count(*),
           count(*) FILTER (WHERE tier_after = 'TIER_1_INVEST'),
           count(*) FILTER (WHERE tier_after = 'TIER_2_EMERGING'),
           count(*) FILTER (WHERE tier_after = 'TIER_3_BASELINE'),
           count(*) FILTER (WHERE tier_after < tier_before),
           count(*) FILTER (WHERE tier_after > tier_before)
    FROM tier_evaluation GROUP BY week_start;
END
$fn$;

SELECT tier_week_count_rebuild();
