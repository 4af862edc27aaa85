-- Each partner's newest deal creation kept (module adoption, issue 15).
--
-- The adoption page's diagnosis (a PAM's is computed per request) counts the program's capable
-- partners (active, tier 1 or 2) with no deal created in the last 90 days: a NOT EXISTS probe of
-- opportunity_partner_created_idx (V132) per capable partner, 12,242 probes on the large dataset
-- (53 ms warm, 88-140 ms in the page profiles under load). Kept here instead: per partner with
-- deals, the creation moment of its newest deal; a capable partner is idle when it has no row or
-- its moment is before the window, one hash join of the capable partners to this table (10-13 ms).
--
-- Kept by statement triggers on opportunity: inserted deals raise their partner's moment; for
-- deleted deals and updates that change a deal's partner or creation moment, the partners on
-- either side are recounted from opportunity_partner_created_idx (their newest deal, one index
-- descent each). The changed (partner, moment) pairs of an update are the set differences of
-- new_rows and old_rows (hashed or sorted): the two transition tables are never joined.
-- adoption_partner_last_deal_rebuild() recounts every partner.

CREATE TABLE adoption_partner_last_deal (
    partner_id BIGINT      PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL
);

-- Recounts the given partners' newest deal (a partner without deals loses its row).
CREATE FUNCTION adoption_partner_last_deal_recount(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO adoption_partner_last_deal AS l (partner_id, created_at)
    SELECT u.id, n.created_at
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u (id) WHERE id IS NOT NULL ORDER BY id) u
    CROSS JOIN LATERAL (SELECT o.created_at FROM opportunity o WHERE o.partner_id = u.id
                        ORDER BY o.created_at DESC LIMIT 1) n
    ORDER BY u.id
    ON CONFLICT (partner_id) DO UPDATE SET created_at = EXCLUDED.created_at;
    DELETE FROM adoption_partner_last_deal l
    WHERE l.partner_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = l.partner_id);
END
$fn$;

CREATE FUNCTION adoption_partner_last_deal_on_deals() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO adoption_partner_last_deal AS l (partner_id, created_at)
        SELECT partner_id, max(created_at) FROM new_rows WHERE partner_id IS NOT NULL
        GROUP BY partner_id ORDER BY partner_id
        ON CONFLICT (partner_id) DO UPDATE SET created_at = EXCLUDED.created_at
        WHERE l.created_at < EXCLUDED.created_at;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM adoption_partner_last_deal_recount(
            ARRAY(SELECT DISTINCT partner_id FROM old_rows WHERE partner_id IS NOT NULL));
    ELSE
        PERFORM adoption_partner_last_deal_recount(ARRAY(
            SELECT partner_id FROM (SELECT partner_id, created_at FROM new_rows
                                    EXCEPT SELECT partner_id, created_at FROM old_rows) moved_in
            UNION
            SELECT partner_id FROM (SELECT partner_id, created_at FROM old_rows
                                    EXCEPT SELECT partner_id, created_at FROM new_rows) moved_out));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE FUNCTION adoption_partner_last_deal_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE opportunity IN SHARE MODE;
    TRUNCATE adoption_partner_last_deal;
    INSERT INTO adoption_partner_last_deal (partner_id, created_at)
    SELECT partner_id, max(created_at) FROM opportunity WHERE partner_id IS NOT NULL GROUP BY partner_id;
END
$fn$;

CREATE TRIGGER adoption_partner_last_deal_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adoption_partner_last_deal_on_deals();
CREATE TRIGGER adoption_partner_last_deal_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION adoption_partner_last_deal_on_deals();
CREATE TRIGGER adoption_partner_last_deal_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adoption_partner_last_deal_on_deals();

SELECT adoption_partner_last_deal_rebuild();
ANALYZE adoption_partner_last_deal;
