-- The whole program's open pipeline by stage, partner involvement and currency (module deals,
-- issue 15): the admin's and the executive's home page showed it from a scan of every open
-- deal (212,000 on the large dataset, about 1 s under load); here it is a few dozen rows.
--
-- Kept by statement triggers on opportunity (created, stage, partner, currency or amount
-- changed, closed, reopened, deleted), so it commits with the change whatever wrote it. As
-- program_open_fact (V108), a writer adds its delta to one of eight slots (its backend's pid
-- modulo 8) so that concurrent deal changes do not wait on one row; readers sum the slots. A
-- row whose slots sum to no deals is read as absent. Skipped while fact_setting is empty (a
-- bulk load); deals_open_stage_rebuild() recomputes it, and the facts rebuild runs it
-- (DealFacts).

CREATE TABLE program_open_stage_fact (
    stage            TEXT     NOT NULL,
    partner_involved BOOLEAN  NOT NULL,
    currency         CHAR(3)  NOT NULL,
    slot             SMALLINT NOT NULL,
    deals            BIGINT   NOT NULL,
    amount           NUMERIC  NOT NULL,
    PRIMARY KEY (stage, partner_involved, currency, slot)
);

-- Adds the open deals of `rows` (sign, stage, partner_id, currency, amount) to the slot.
CREATE FUNCTION deals_open_stage_sql(rows TEXT, slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO program_open_stage_fact AS f (stage, partner_involved, currency, slot, deals, amount)
    SELECT stage, partner_id IS NOT NULL, currency, %2$s, sum(sign), sum(sign * amount)
    FROM (%1$s) d
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
    GROUP BY stage, partner_id IS NOT NULL, currency
    HAVING sum(sign) <> 0 OR sum(sign * amount) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (stage, partner_involved, currency, slot) DO UPDATE SET
        deals = f.deals + EXCLUDED.deals, amount = f.amount + EXCLUDED.amount
    $sql$, rows, slot)
$fn$;

CREATE FUNCTION deals_open_stage_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE deals_open_stage_sql('SELECT 1 AS sign, stage, partner_id, currency, amount FROM new_rows',
            pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE deals_open_stage_sql('SELECT -1 AS sign, stage, partner_id, currency, amount FROM old_rows',
            pg_backend_pid() % 8);
    ELSE
        -- only the deals whose counted columns changed
        EXECUTE deals_open_stage_sql($rows$
            SELECT s.* FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (1, n.stage, n.partner_id, n.currency, n.amount),
                                       (-1, o.stage, o.partner_id, o.currency, o.amount))
                AS s(sign, stage, partner_id, currency, amount)
            WHERE (n.stage, n.partner_id IS NOT NULL, n.currency, n.amount)
                  IS DISTINCT FROM (o.stage, o.partner_id IS NOT NULL, o.currency, o.amount)
            $rows$, pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER deals_open_stage_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deals_open_stage_on_deals();
CREATE TRIGGER deals_open_stage_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deals_open_stage_on_deals();
CREATE TRIGGER deals_open_stage_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deals_open_stage_on_deals();

-- Recomputes the table from the open deals (slot 0).
CREATE FUNCTION deals_open_stage_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE program_open_stage_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    INSERT INTO program_open_stage_fact (stage, partner_involved, currency, slot, deals, amount)
    SELECT stage, partner_id IS NOT NULL, currency, 0, count(*), sum(amount)
    FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
    GROUP BY 1, 2, 3;
END
$fn$;

SELECT deals_open_stage_rebuild();

-- The registrations on hold (the admin's and PAM's home queue "on hold" and its count): no
-- index had the status first, so both read every registration (451,000 on the large
-- dataset, 0.4-0.9 s) to find the few on hold. Only registrations on hold are in it.
CREATE INDEX deal_registration_on_hold_idx ON deal_registration (submitted_at, id) WHERE status = 'ON_HOLD';

-- The open deals of given owners (a rep's and a sales manager's home: the pipeline by stage
-- and the team's stalled deals): the open deals' indexes lead with the stage or the id, so a
-- team of 11 read all 212,000 open deals to keep 5,000. By owner, with what both read.
CREATE INDEX opportunity_open_owner_idx ON opportunity (owner_id, stage_entered_at, id)
    INCLUDE (stage, partner_id, currency, amount) WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');
