-- The partner deals a manager prompted on, kept (module adoption, issue 15).
--
-- The adoption page counts each rep's prompted partner deals created in the period: deals with a
-- partner and at least one prompt, by the deal's owner and creation moment. V313 read the period's
-- prompts and looked each deal up by id: on the large data 20,211 lookups into the deals' heap per
-- request (80,000 buffers; 1.0-1.9 s a page with the app's jobs running, s64), the page's slowest part.
-- Kept here instead: one row per such deal with its owner and creation moment, read by owner and
-- moment from this table's index alone.
--
-- Kept by triggers: prompts inserted or deleted recount their deals; a deal whose owner, creation
-- moment or having a partner changes is recounted by a row trigger whose condition is checked
-- without calling it (a stage move, the hot write path, fires nothing); a deleted deal's row goes
-- with it. The prompts' trigger takes a share lock on their deals before reading them, so a
-- partner put on a deal by a transaction not yet committed is waited for and then seen, and the
-- deal's own trigger, running after that lock is released, sees the committed prompt: neither
-- order loses the deal. adoption_prompted_deal_rebuild() recounts every deal.

CREATE TABLE adoption_prompted_deal (
    opportunity_id BIGINT      PRIMARY KEY REFERENCES opportunity (id) ON DELETE CASCADE,
    owner_id       BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX adoption_prompted_deal_owner_idx ON adoption_prompted_deal (owner_id, created_at);

-- Recounts the given deals: a row for each with a partner and a prompt, none for the others.
CREATE FUNCTION adoption_prompted_deal_recount(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM adoption_prompted_deal d WHERE d.opportunity_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.id = d.opportunity_id AND o.partner_id IS NOT NULL
                      AND EXISTS (SELECT 1 FROM partner_prompt pp WHERE pp.opportunity_id = o.id));
    INSERT INTO adoption_prompted_deal AS d (opportunity_id, owner_id, created_at)
    SELECT o.id, o.owner_id, o.created_at FROM opportunity o
    WHERE o.id = ANY (ids) AND o.partner_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM partner_prompt pp WHERE pp.opportunity_id = o.id)
    ORDER BY o.id
    ON CONFLICT (opportunity_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, created_at = EXCLUDED.created_at
    WHERE (d.owner_id, d.created_at) IS DISTINCT FROM (EXCLUDED.owner_id, EXCLUDED.created_at);
END
$fn$;

CREATE FUNCTION adoption_prompted_deal_on_prompts() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    ids BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        ids := ARRAY(SELECT DISTINCT opportunity_id FROM new_rows ORDER BY 1);
        PERFORM 1 FROM opportunity WHERE id = ANY (ids) ORDER BY id FOR SHARE;
    ELSE
        ids := ARRAY(SELECT DISTINCT opportunity_id FROM old_rows ORDER BY 1);
    END IF;
    PERFORM adoption_prompted_deal_recount(ids);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION adoption_prompted_deal_on_deal() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM adoption_prompted_deal_recount(ARRAY[NEW.id]);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION adoption_prompted_deal_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    -- no lock on the deals or prompts: every trigger above writes this table, so a change
    -- not yet committed waits for the truncation's lock and recounts its deals after it
    TRUNCATE adoption_prompted_deal;
    INSERT INTO adoption_prompted_deal (opportunity_id, owner_id, created_at)
    SELECT o.id, o.owner_id, o.created_at FROM opportunity o
    WHERE o.partner_id IS NOT NULL AND o.id IN (SELECT opportunity_id FROM partner_prompt);
END
$fn$;

CREATE TRIGGER adoption_prompted_deal_prompted AFTER INSERT ON partner_prompt
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adoption_prompted_deal_on_prompts();
CREATE TRIGGER adoption_prompted_deal_unprompted AFTER DELETE ON partner_prompt
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adoption_prompted_deal_on_prompts();
CREATE TRIGGER adoption_prompted_deal_changed AFTER UPDATE OF owner_id, partner_id, created_at ON opportunity
    FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR (OLD.partner_id IS NULL) <> (NEW.partner_id IS NULL))
    EXECUTE FUNCTION adoption_prompted_deal_on_deal();

SELECT adoption_prompted_deal_rebuild();
ANALYZE adoption_prompted_deal;

-- V313's index served only the lookup this table replaces.
DROP INDEX IF EXISTS partner_prompt_prompted_at_idx;
