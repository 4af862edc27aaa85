-- A PAM's book per business day (issue 15, module facts, read by metrics' KPIs): the KPI
-- request of a PAM's book read its ~200 partners' day facts (partner_day_fact, one index
-- probe per partner, ~18,000 index rows a quarter); pam_day_fact holds the same measures
-- summed per PAM (the partner's owner_pam_id now), day, credit type and currency, so a book's
-- quarter is ~90 days' rows.
--
-- Kept exactly as program_day_fact is (V101): statement triggers on partner_day_fact add the
-- inserted rows, the updated rows' difference and take the deleted rows away, under the owner
-- of each row's partner (direct deals, partner 0, and partners without a PAM add nothing);
-- a TRUNCATE (the facts rebuild) empties it and the rebuild's insert fills it again. A
-- partner's change of PAM (a row trigger on partner) moves its day facts from the old PAM to
-- the new. The day-fact trigger locks the partners it counts FOR SHARE until its transaction
-- ends, so a change of owner cannot run between reading the owner and committing the delta
-- (the change waits, then its trigger reads the committed day facts; a delta that waited for
-- the change reads the new owner). Writers add to one of eight slots (backend pid modulo 8),
-- as program_day_fact does, so a PAM's concurrent registrations of a day do not queue on one
-- row; readers sum the slots. Rows whose measures fell to zero stay (they add nothing).
-- pam_day_fact_rebuild() recomputes it from partner_day_fact.

CREATE TABLE pam_day_fact (
    pam_id        BIGINT   NOT NULL,
    day           DATE     NOT NULL,
    credit_type   TEXT     NOT NULL,
    currency      CHAR(3)  NOT NULL,
    slot          SMALLINT NOT NULL,
    created_count BIGINT   NOT NULL DEFAULT 0,
    won_count     BIGINT   NOT NULL DEFAULT 0,
    lost_count    BIGINT   NOT NULL DEFAULT 0,
    won_reporting NUMERIC  NOT NULL DEFAULT 0,
    PRIMARY KEY (pam_id, day, credit_type, currency, slot)
);

-- The statement that adds the signed rows of `rows` (columns: sign, pam_id, day, credit_type,
-- currency, created_count, won_count, lost_count, won_reporting) to the PAM facts, keys in
-- order; it may read a trigger's transition tables, so the trigger EXECUTEs it.
CREATE FUNCTION facts_pam_sql(rows TEXT, slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO pam_day_fact AS f (pam_id, day, credit_type, currency, slot, created_count, won_count, lost_count,
        won_reporting)
    SELECT pam_id, day, credit_type, currency, %2$s, sum(sign * created_count), sum(sign * won_count),
           sum(sign * lost_count), sum(sign * won_reporting)
    FROM (%1$s) d
    WHERE pam_id IS NOT NULL
    GROUP BY pam_id, day, credit_type, currency
    HAVING sum(sign * created_count) <> 0 OR sum(sign * won_count) <> 0 OR sum(sign * lost_count) <> 0
        OR sum(sign * won_reporting) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (pam_id, day, credit_type, currency, slot) DO UPDATE SET
        created_count = f.created_count + EXCLUDED.created_count, won_count = f.won_count + EXCLUDED.won_count,
        lost_count = f.lost_count + EXCLUDED.lost_count, won_reporting = f.won_reporting + EXCLUDED.won_reporting
    $sql$, rows, slot)
$fn$;

-- The signed day rows of a transition table (new_rows or old_rows) under their partner's PAM.
CREATE FUNCTION facts_pam_rows(sign INT, transition TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$SELECT %1$s AS sign, o.owner_pam_id AS pam_id, t.day, t.credit_type, t.currency, t.created_count,
           t.won_count, t.lost_count, t.won_reporting FROM %2$s t JOIN owners o ON o.id = t.partner_id$sql$,
           sign, transition)
$fn$;

CREATE FUNCTION facts_pam_on_partner_days() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    ids TEXT;
    owners TEXT;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE pam_day_fact;
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        ids := 'SELECT partner_id FROM new_rows';
    ELSIF TG_OP = 'DELETE' THEN
        ids := 'SELECT partner_id FROM old_rows';
    ELSE
        ids := 'SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows';
    END IF;
    -- the partners' owners, locked against a change of owner until this transaction ends
    owners := format($sql$WITH owners AS MATERIALIZED (
        SELECT p.id, p.owner_pam_id FROM partner p WHERE p.id IN (%s) ORDER BY p.id FOR SHARE OF p) $sql$, ids);
    IF TG_OP = 'INSERT' THEN
        EXECUTE owners || facts_pam_sql(facts_pam_rows(1, 'new_rows'), pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE owners || facts_pam_sql(facts_pam_rows(-1, 'old_rows'), pg_backend_pid() % 8);
    ELSE
        EXECUTE owners || facts_pam_sql(facts_pam_rows(1, 'new_rows') || ' UNION ALL ' || facts_pam_rows(-1, 'old_rows'),
                pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_pam_partner_days_inserted AFTER INSERT ON partner_day_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pam_on_partner_days();
CREATE TRIGGER facts_pam_partner_days_updated AFTER UPDATE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pam_on_partner_days();
CREATE TRIGGER facts_pam_partner_days_deleted AFTER DELETE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_pam_on_partner_days();
CREATE TRIGGER facts_pam_partner_days_truncated AFTER TRUNCATE ON partner_day_fact
    FOR EACH STATEMENT EXECUTE FUNCTION facts_pam_on_partner_days();

-- A partner's change of PAM: its day facts leave the old PAM's book and join the new one's.
CREATE FUNCTION facts_pam_on_owner_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE facts_pam_sql(format($sql$
        SELECT s.sign, s.pam_id, d.day, d.credit_type, d.currency, d.created_count, d.won_count, d.lost_count,
               d.won_reporting
        FROM partner_day_fact d
        CROSS JOIN (VALUES (-1, CAST(%1$L AS BIGINT)), (1, CAST(%2$L AS BIGINT))) AS s(sign, pam_id)
        WHERE d.partner_id = %3$s$sql$, OLD.owner_pam_id, NEW.owner_pam_id, NEW.id), pg_backend_pid() % 8);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_pam_partner_owner_changed AFTER UPDATE OF owner_pam_id ON partner
    FOR EACH ROW WHEN (OLD.owner_pam_id IS DISTINCT FROM NEW.owner_pam_id)
    EXECUTE FUNCTION facts_pam_on_owner_change();

-- Recomputes every PAM's day facts from partner_day_fact (slot 0).
CREATE FUNCTION pam_day_fact_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE pam_day_fact;
    INSERT INTO pam_day_fact (pam_id, day, credit_type, currency, slot, created_count, won_count, lost_count,
        won_reporting)
    SELECT p.owner_pam_id, d.day, d.credit_type, d.currency, 0, sum(d.created_count), sum(d.won_count),
           sum(d.lost_count), sum(d.won_reporting)
    FROM partner_day_fact d JOIN partner p ON p.id = d.partner_id
    WHERE p.owner_pam_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.created_count) <> 0 OR sum(d.won_count) <> 0 OR sum(d.lost_count) <> 0 OR sum(d.won_reporting) <> 0
    ORDER BY 1, 2, 3, 4;
END
$fn$;

SELECT pam_day_fact_rebuild();
