-- Each partner's onboarding day kept beside its first counted win, for time to first revenue
-- (issue 15, module facts, branch kpi30).
--
-- The program's time to first revenue (metrics.KpiSql#firstRevenue) takes the median of the
-- days from onboarding to the first counted win over the partners whose first win fell in
-- the period. It read the period's first wins (partner_first_win_fact, V117: about 4,000 a
-- quarter on the large data) through their index and joined them with partner for the
-- onboarding day: the planner hashed the first wins and read all 40,000 partners, 50-70 ms
-- a period, seven periods on the KPI page. partner_first_win_fact now keeps the partner's
-- onboarding day (onboarded_on, null when the partner has none) and its first-win index
-- carries it, so the period's rows are read from the index alone.
--
-- Kept: the recount of a partner's first win (facts_first_win_refresh, from the opportunity
-- and exchange_rate triggers of V117/V185) writes the partner's onboarding day with it; a
-- statement trigger on partner writes the day anew where a partner's onboarding day
-- changed (rows whose day is already equal are not written), and removes the rows of
-- deleted partners (the KPI joined partner, so a row without its partner never counted);
-- TRUNCATE of partner empties it.

ALTER TABLE partner_first_win_fact ADD COLUMN onboarded_on DATE;

DELETE FROM partner_first_win_fact f WHERE NOT EXISTS (SELECT 1 FROM partner p WHERE p.id = f.partner_id);
UPDATE partner_first_win_fact f SET onboarded_on = p.onboarded_on FROM partner p
WHERE p.id = f.partner_id AND p.onboarded_on IS NOT NULL;

CREATE INDEX partner_first_win_fact_win_onboarded_idx ON partner_first_win_fact (first_win)
    INCLUDE (partner_id, onboarded_on);
DROP INDEX partner_first_win_fact_win_idx;

-- As V117's, the partner's onboarding day written with its first win.
CREATE OR REPLACE FUNCTION facts_first_win_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL THEN
        TRUNCATE partner_first_win_fact;
        ids := ARRAY(SELECT id FROM partner ORDER BY id);
    ELSE
        DELETE FROM partner_first_win_fact WHERE partner_id = ANY (ids);
    END IF;
    EXECUTE format($sql$
        INSERT INTO partner_first_win_fact (partner_id, first_win, onboarded_on)
        SELECT i.id, w.closed_at, p.onboarded_on
        FROM (SELECT DISTINCT id FROM unnest($1) AS u(id) WHERE id IS NOT NULL) i
        JOIN partner p ON p.id = i.id
        CROSS JOIN LATERAL (
            SELECT o.closed_at FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
            WHERE o.partner_id = i.id AND o.stage = 'CLOSED_WON' AND o.closed_at IS NOT NULL AND %s
            ORDER BY o.closed_at LIMIT 1) w
        ORDER BY 1
        ON CONFLICT (partner_id) DO UPDATE SET first_win = EXCLUDED.first_win, onboarded_on = EXCLUDED.onboarded_on
        $sql$, facts_first_win_rule()) USING ids;
END
$fn$;

CREATE FUNCTION facts_first_win_on_partners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE partner_first_win_fact;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM partner_first_win_fact f USING old_rows o WHERE f.partner_id = o.id;
    ELSE
        UPDATE partner_first_win_fact f SET onboarded_on = n.onboarded_on
        FROM new_rows n
        WHERE f.partner_id = n.id AND f.onboarded_on IS DISTINCT FROM n.onboarded_on;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_first_win_partners_updated AFTER UPDATE ON partner
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_partners();
CREATE TRIGGER facts_first_win_partners_deleted AFTER DELETE ON partner
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_partners();
CREATE TRIGGER facts_first_win_partners_truncated AFTER TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_partners();

ANALYZE partner_first_win_fact;
