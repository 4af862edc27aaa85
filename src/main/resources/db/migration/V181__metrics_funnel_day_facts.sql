-- The stage funnel's counts and median days in stage from kept day and month counts (issue 15).
--
-- V173 keeps each deal's first entry per funnel stage (metrics_funnel_entry), but the funnel of
-- the program's quarter still read every entry of the period (808,000 on the large dataset:
-- 2.2-2.9 s), sorted them per side and stage and took their medians; a PAM's book read the same
-- entries to keep its partners'. Kept here instead: metrics_funnel_fact counts the entries per
-- business day of entry (in fact_setting.zone, as the deal facts), funnel stage, side (a partner
-- on the deal or not), whether a later stage was reached and whole days in the stage (stay_day:
-- facts_cycle_day of entry and next change, -1 while the deal is still in it), once per day
-- (month = FALSE) and once per calendar month (month = TRUE, day = the month's first day), so a
-- quarter reads three months of rows (about 1,400 on the large dataset). The median is exact
-- (metrics.FunnelRepository): from the counts per stay day the reader finds the day holding the
-- middle rank(s), then reads only that stay day's entries of the period through
-- metrics_funnel_entry_stay_idx and takes the middle value(s) as percentile_cont does. The
-- partner side of a slice other than the program reads the slice's partners' entries through
-- metrics_funnel_entry_partner_idx.
--
-- Kept by statement triggers on metrics_funnel_entry itself (inserted, deleted and updated rows
-- add and take away their counts: no join of the transition tables), so it follows whatever
-- writes the entries; skipped while fact_setting is empty (a bulk load) and recounted by
-- metrics_funnel_fact_rebuild() (DealFacts' rebuild runs it, also when the business zone
-- changed). Rows whose count falls to zero are removed. A writer adds to slot
-- pg_backend_pid() % 8 (the rebuild to slot 0), as won_cycle_fact (V128), so concurrent
-- registrations wait on one day's row only one time in eight; readers sum the slots.
--
-- V173's row trigger that moved a deal's entries to its new partner becomes a statement trigger
-- (one UPDATE of the entries per statement, so a bulk change of partners fires the count trigger
-- once): the deals whose partner changed are the rows of new_rows not in old_rows by (id,
-- partner_id), a set difference (hashed or sorted), never a join of the two transition tables.

CREATE TABLE metrics_funnel_fact (
    month    BOOLEAN  NOT NULL,
    day      DATE     NOT NULL,
    rank     SMALLINT NOT NULL,
    involved BOOLEAN  NOT NULL,
    advanced BOOLEAN  NOT NULL,
    stay_day INTEGER  NOT NULL,
    slot     SMALLINT NOT NULL,
    entries  BIGINT   NOT NULL,
    PRIMARY KEY (month, day, rank, involved, advanced, stay_day, slot)
);
CREATE INDEX metrics_funnel_fact_zero_idx ON metrics_funnel_fact (day) WHERE entries = 0;

-- The statement adding the signed entries (sign, entered_at, left_at, rank, advanced,
-- partner_id) the query text yields to a slot, per day and per month, keys in order so
-- concurrent writers lock rows in one order. The text may read a trigger's transition tables,
-- so the trigger function EXECUTEs it itself.
CREATE FUNCTION metrics_funnel_fact_sql(contributions TEXT, slot INTEGER) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s),
        d AS (SELECT CAST(c.entered_at AT TIME ZONE s.zone AS DATE) AS day, c.rank, c.partner_id IS NOT NULL AS involved,
                     c.advanced, COALESCE(facts_cycle_day(c.entered_at, c.left_at), -1) AS stay_day, c.sign
              FROM c CROSS JOIN fact_setting s),
        g AS (SELECT FALSE AS month, day, rank, involved, advanced, stay_day, sign FROM d
              UNION ALL
              SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), rank, involved, advanced, stay_day, sign
              FROM d)
        INSERT INTO metrics_funnel_fact AS f (month, day, rank, involved, advanced, stay_day, slot, entries)
        SELECT month, day, rank, involved, advanced, stay_day, %s, sum(sign) FROM g
        GROUP BY month, day, rank, involved, advanced, stay_day HAVING sum(sign) <> 0
        ORDER BY month, day, rank, involved, advanced, stay_day
        ON CONFLICT (month, day, rank, involved, advanced, stay_day, slot)
        DO UPDATE SET entries = f.entries + EXCLUDED.entries
        $sql$, contributions, slot)
$fn$;

CREATE FUNCTION metrics_funnel_fact_rebuild() RETURNS VOID
LANGUAGE plpgsql SET work_mem = '256MB' AS $fn$
BEGIN
    LOCK TABLE metrics_funnel_entry IN SHARE MODE;
    TRUNCATE metrics_funnel_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE metrics_funnel_fact_sql('SELECT 1 AS sign, entered_at, left_at, rank, advanced, partner_id '
        'FROM metrics_funnel_entry', 0);
END
$fn$;

CREATE FUNCTION metrics_funnel_fact_on_entries() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE metrics_funnel_fact_sql('SELECT 1 AS sign, entered_at, left_at, rank, advanced, partner_id '
            'FROM new_rows', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        -- a deal's entries are recomputed by a delete and an insert, the first of a new
        -- deal's deleting none
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
            RETURN NULL;
        END IF;
        EXECUTE metrics_funnel_fact_sql('SELECT -1 AS sign, entered_at, left_at, rank, advanced, partner_id '
            'FROM old_rows', pg_backend_pid() % 8);
    ELSE
        EXECUTE metrics_funnel_fact_sql('SELECT 1 AS sign, entered_at, left_at, rank, advanced, partner_id '
            'FROM new_rows UNION ALL SELECT -1, entered_at, left_at, rank, advanced, partner_id FROM old_rows',
            pg_backend_pid() % 8);
    END IF;
    DELETE FROM metrics_funnel_fact WHERE entries = 0;
    RETURN NULL;
END
$fn$;

CREATE FUNCTION metrics_funnel_fact_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE metrics_funnel_fact;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER metrics_funnel_fact_entries_inserted AFTER INSERT ON metrics_funnel_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_fact_on_entries();
CREATE TRIGGER metrics_funnel_fact_entries_deleted AFTER DELETE ON metrics_funnel_entry
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_fact_on_entries();
CREATE TRIGGER metrics_funnel_fact_entries_updated AFTER UPDATE ON metrics_funnel_entry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION metrics_funnel_fact_on_entries();
CREATE TRIGGER metrics_funnel_fact_entries_truncated AFTER TRUNCATE ON metrics_funnel_entry
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_fact_on_truncate();

-- The deals whose partner an UPDATE statement set, changed or removed: their entries follow,
-- in one statement.
CREATE FUNCTION metrics_funnel_partners_moved() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE metrics_funnel_entry e SET partner_id = m.partner_id
    FROM (SELECT id, partner_id FROM new_rows EXCEPT SELECT id, partner_id FROM old_rows) m
    WHERE e.opportunity_id = m.id;
    RETURN NULL;
END
$fn$;

DROP TRIGGER metrics_funnel_partner_changed ON opportunity;
DROP FUNCTION metrics_funnel_partner_changed();
CREATE TRIGGER metrics_funnel_partners_moved AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION metrics_funnel_partners_moved();

SELECT metrics_funnel_fact_rebuild();

-- the median's middle stay day: its entries of a period, per stage and side
CREATE INDEX metrics_funnel_entry_stay_idx ON metrics_funnel_entry
    (rank, (partner_id IS NOT NULL), facts_cycle_day(entered_at, left_at), entered_at)
    INCLUDE (partner_id, left_at) WHERE left_at IS NOT NULL;
-- a slice's partner side: its partners' entries of a period
CREATE INDEX metrics_funnel_entry_partner_idx ON metrics_funnel_entry (partner_id, entered_at)
    INCLUDE (rank, advanced, left_at) WHERE partner_id IS NOT NULL;

ANALYZE metrics_funnel_fact;
ANALYZE metrics_funnel_entry;
