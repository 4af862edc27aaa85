-- The hygiene check "deal owner is not the account owner" (module hygiene, issue 15): its
-- count joined every open deal to its account (212,000 deals on the large dataset, 0.8 s
-- alone, 1.5 s under load, on every /hygiene summary). Here are the open deals that fail the
-- check (an open deal on an account with an owner who is not the deal's owner), one row
-- each with what the scopes need: the count is read from this table by the viewer's scope
-- (the program, a PAM's partners, a sales manager's team) in proportion to the mismatches.
--
-- Kept by statement triggers on opportunity (created, stage, owner, account or partner
-- changed, deleted) and on account (owner changed, deleted), so it commits with the change
-- whatever wrote it; hygiene_owner_mismatch_rebuild() recomputes it (the facts rebuild runs
-- it, DealFacts). One row per deal: no row is shared between deals.

CREATE TABLE hygiene_owner_mismatch (
    opportunity_id BIGINT PRIMARY KEY,
    partner_id     BIGINT,
    owner_id       BIGINT NOT NULL
);
CREATE INDEX hygiene_owner_mismatch_partner_idx ON hygiene_owner_mismatch (partner_id);
CREATE INDEX hygiene_owner_mismatch_owner_idx ON hygiene_owner_mismatch (owner_id);

-- Replaces the rows of the given deals with what they are now.
CREATE FUNCTION hygiene_owner_mismatch_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM hygiene_owner_mismatch m WHERE m.opportunity_id = ANY (ids);
    INSERT INTO hygiene_owner_mismatch (opportunity_id, partner_id, owner_id)
    SELECT o.id, o.partner_id, o.owner_id
    FROM opportunity o JOIN account a ON a.id = o.account_id
    WHERE o.id = ANY (ids) AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.owner_id <> a.owner_ae_id
    ORDER BY o.id
    ON CONFLICT (opportunity_id) DO UPDATE SET partner_id = EXCLUDED.partner_id, owner_id = EXCLUDED.owner_id;
END
$fn$;

CREATE FUNCTION hygiene_owner_mismatch_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT n.id FROM new_rows n
            WHERE n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND n.account_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM hygiene_owner_mismatch m USING old_rows o WHERE m.opportunity_id = o.id;
    ELSE
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage, n.owner_id, n.account_id, n.partner_id)
                  IS DISTINCT FROM (o.stage, o.owner_id, o.account_id, o.partner_id)));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER hygiene_owner_mismatch_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hygiene_owner_mismatch_on_deals();
CREATE TRIGGER hygiene_owner_mismatch_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION hygiene_owner_mismatch_on_deals();
CREATE TRIGGER hygiene_owner_mismatch_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hygiene_owner_mismatch_on_deals();

-- An account's new owner (or its removal) decides the check for its open deals.
CREATE FUNCTION hygiene_owner_mismatch_on_accounts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT d.id FROM opportunity d JOIN old_rows o ON d.account_id = o.id
            WHERE d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSE
        PERFORM hygiene_owner_mismatch_refresh(ARRAY(SELECT d.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            JOIN opportunity d ON d.account_id = n.id
            WHERE n.owner_ae_id IS DISTINCT FROM o.owner_ae_id AND d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER hygiene_owner_mismatch_accounts_updated AFTER UPDATE ON account
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION hygiene_owner_mismatch_on_accounts();
CREATE TRIGGER hygiene_owner_mismatch_accounts_deleted AFTER DELETE ON account
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hygiene_owner_mismatch_on_accounts();

-- Recomputes the table from the open deals and their accounts.
CREATE FUNCTION hygiene_owner_mismatch_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE hygiene_owner_mismatch;
    INSERT INTO hygiene_owner_mismatch (opportunity_id, partner_id, owner_id)
    SELECT o.id, o.partner_id, o.owner_id
    FROM opportunity o JOIN account a ON a.id = o.account_id
    WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.owner_id <> a.owner_ae_id;
END
$fn$;

SELECT hygiene_owner_mismatch_rebuild();

-- A PAM's book of accounts (the accounts of their partners' deals and registrations, for
-- "accounts without a web domain"): the deals and registrations were read from the tables
-- (4,800 deal rows of 201 partners, 1.4 s from disk); from these indexes alone instead.
CREATE INDEX opportunity_partner_account_idx ON opportunity (partner_id) INCLUDE (account_id)
    WHERE partner_id IS NOT NULL;
CREATE INDEX deal_registration_partner_account_idx ON deal_registration (partner_id) INCLUDE (account_id)
    WHERE account_id IS NOT NULL;
