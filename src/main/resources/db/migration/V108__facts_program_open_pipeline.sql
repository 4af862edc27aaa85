-- The whole program's open pipeline now (module facts, issue 15): open_pipeline_fact summed
-- over partners, per partner involvement, credit type and currency. Both pipeline
-- contributions divide by the whole open pipeline, for every slice: read here from a few
-- dozen rows instead of every partner's row of open_pipeline_fact. Kept from
-- open_pipeline_fact by statement triggers on it (its INSERT ... ON CONFLICT, DELETE and
-- TRUNCATE), so whatever keeps the open pipeline (facts_delta_sql, facts_rebuild) keeps this
-- one in the same statement. As program_day_fact (V101), a writer adds its delta to one of
-- eight slots (its backend's pid modulo 8) so concurrent deal changes do not wait on one row;
-- readers sum the slots.

CREATE TABLE program_open_fact (
    partner_involved BOOLEAN  NOT NULL,
    credit_type      TEXT     NOT NULL,
    currency         CHAR(3)  NOT NULL,
    slot             SMALLINT NOT NULL,
    open_count       BIGINT   NOT NULL DEFAULT 0,
    open_amount      NUMERIC  NOT NULL DEFAULT 0,
    open_reporting   NUMERIC  NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_involved, credit_type, currency, slot)
);

-- The statement that adds the rows of `rows` (sign, then open_pipeline_fact's columns) to
-- the program's open pipeline; it may refer to a trigger's transition tables, so the
-- trigger EXECUTEs it.
CREATE FUNCTION facts_program_open_sql(rows TEXT, slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO program_open_fact AS f (partner_involved, credit_type, currency, slot, open_count, open_amount,
        open_reporting)
    SELECT partner_id <> 0, credit_type, currency, %2$s, sum(sign * open_count), sum(sign * open_amount),
           sum(sign * open_reporting)
    FROM (%1$s) d
    GROUP BY partner_id <> 0, credit_type, currency
    HAVING sum(sign * open_count) <> 0 OR sum(sign * open_amount) <> 0 OR sum(sign * open_reporting) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (partner_involved, credit_type, currency, slot) DO UPDATE SET
        open_count = f.open_count + EXCLUDED.open_count, open_amount = f.open_amount + EXCLUDED.open_amount,
        open_reporting = f.open_reporting + EXCLUDED.open_reporting
    $sql$, rows, slot)
$fn$;

CREATE FUNCTION facts_program_on_open_pipeline() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE program_open_fact;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE facts_program_open_sql('SELECT 1 AS sign, * FROM new_rows', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE facts_program_open_sql('SELECT -1 AS sign, * FROM old_rows', pg_backend_pid() % 8);
    ELSE
        EXECUTE facts_program_open_sql('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows',
            pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_program_open_inserted AFTER INSERT ON open_pipeline_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_open_pipeline();
CREATE TRIGGER facts_program_open_updated AFTER UPDATE ON open_pipeline_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_open_pipeline();
CREATE TRIGGER facts_program_open_deleted AFTER DELETE ON open_pipeline_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_open_pipeline();
CREATE TRIGGER facts_program_open_truncated AFTER TRUNCATE ON open_pipeline_fact
    FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_open_pipeline();

DO $do$ BEGIN EXECUTE facts_program_open_sql('SELECT 1 AS sign, * FROM open_pipeline_fact', 0); END $do$;
