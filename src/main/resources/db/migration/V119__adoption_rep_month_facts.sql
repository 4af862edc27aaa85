-- The adoption page's per-rep figures (module adoption, issue 15) summed a period of each rep's
-- daily deal facts: for a quarter about 340 rows a rep (136,000 for 400 reps, 0.75 s). The
-- same facts are kept summed per calendar month here, so a period reads its whole months from
-- this table (about 6 rows a rep and quarter) and only the days of its partial months from
-- rep_day_fact.
--
-- rep_month_fact follows rep_day_fact exactly: statement triggers on rep_day_fact add the
-- inserted rows, the difference of the updated ones and take away the deleted ones, in the
-- statement that changed the days (which the deal facts' triggers run in the statement that
-- changed a deal); a TRUNCATE of the days (the facts rebuild) empties the months, and the
-- rebuild's insert of every day fills them again. One row per rep, month, partner involvement
-- and currency: a deal write touches only its rep's rows.

CREATE TABLE rep_month_fact (
    month            DATE    NOT NULL,
    owner_id         BIGINT  NOT NULL,
    partner_involved BOOLEAN NOT NULL,
    currency         CHAR(3) NOT NULL,
    created_count    BIGINT  NOT NULL,
    won_count        BIGINT  NOT NULL,
    lost_count       BIGINT  NOT NULL,
    won_cycle_days   NUMERIC NOT NULL,
    PRIMARY KEY (owner_id, month, partner_involved, currency)
);
-- the months that fell to nothing, which the trigger removes after each change
CREATE INDEX rep_month_fact_zero_idx ON rep_month_fact (owner_id)
    WHERE created_count = 0 AND won_count = 0 AND lost_count = 0 AND won_cycle_days = 0;

-- The statement that adds the signed day rows the query text yields (columns: sign, day,
-- owner_id, partner_involved, currency, created_count, won_count, lost_count, won_cycle_days) to
-- their months. Keys in order. The text reads the
-- trigger's transition tables, so the trigger function EXECUTEs it itself.
CREATE FUNCTION rep_month_fact_sql(days TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH d AS (%s)
            INSERT INTO rep_month_fact AS m (month, owner_id, partner_involved, currency, created_count, won_count,
                lost_count, won_cycle_days)
            SELECT CAST(date_trunc('month', day) AS DATE), owner_id, partner_involved, currency,
                   sum(sign * created_count), sum(sign * won_count), sum(sign * lost_count), sum(sign * won_cycle_days)
            FROM d GROUP BY 1, 2, 3, 4
            HAVING sum(sign * created_count) <> 0 OR sum(sign * won_count) <> 0 OR sum(sign * lost_count) <> 0
                OR sum(sign * won_cycle_days) <> 0
            ORDER BY 2, 1, 3, 4
            ON CONFLICT (owner_id, month, partner_involved, currency) DO UPDATE SET
                created_count = m.created_count + EXCLUDED.created_count, won_count = m.won_count + EXCLUDED.won_count,
                lost_count = m.lost_count + EXCLUDED.lost_count,
                won_cycle_days = m.won_cycle_days + EXCLUDED.won_cycle_days
        $sql$, days)
$fn$;

CREATE FUNCTION rep_month_fact_on_days() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    columns CONSTANT TEXT := 'day, owner_id, partner_involved, currency, created_count, won_count, lost_count, won_cycle_days';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE rep_month_fact;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE rep_month_fact_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE rep_month_fact_sql('SELECT -1 AS sign, ' || columns || ' FROM old_rows');
    ELSE
        EXECUTE rep_month_fact_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows UNION ALL SELECT -1, '
            || columns || ' FROM old_rows');
    END IF;
    -- a month that fell to nothing, removed in a statement of its own (a data-modifying CTE
    -- cannot delete a row its INSERT … ON CONFLICT just updated)
    DELETE FROM rep_month_fact
    WHERE created_count = 0 AND won_count = 0 AND lost_count = 0 AND won_cycle_days = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER rep_month_fact_days_inserted AFTER INSERT ON rep_day_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rep_month_fact_on_days();
CREATE TRIGGER rep_month_fact_days_updated AFTER UPDATE ON rep_day_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rep_month_fact_on_days();
CREATE TRIGGER rep_month_fact_days_deleted AFTER DELETE ON rep_day_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rep_month_fact_on_days();
CREATE TRIGGER rep_month_fact_days_truncated AFTER TRUNCATE ON rep_day_fact
    FOR EACH STATEMENT EXECUTE FUNCTION rep_month_fact_on_days();

INSERT INTO rep_month_fact (month, owner_id, partner_involved, currency, created_count, won_count, lost_count,
    won_cycle_days)
SELECT CAST(date_trunc('month', day) AS DATE), owner_id, partner_involved, currency, sum(created_count),
       sum(won_count), sum(lost_count), sum(won_cycle_days)
FROM rep_day_fact GROUP BY 1, 2, 3, 4
HAVING sum(created_count) <> 0 OR sum(won_count) <> 0 OR sum(lost_count) <> 0 OR sum(won_cycle_days) <> 0;
