-- Each partner's first counted win, for time to first revenue (issue 15, module facts).
--
-- partner_first_win_fact: per partner, the close moment of its first closed-won deal whose
-- amount counts (the rule of shared.CountingWins: above zero and, converted into the
-- reporting currency, at least the configured minimum; a currency without a rate taken as
-- it is). The rule's SQL over `o` (opportunity) and `fx` (its exchange_rate, may be null)
-- is kept in fact_setting.first_win_rule: the application writes the rule it counts with at
-- start and recounts every partner when it differs (DealFacts.buildIfNeeded), so the fact
-- and the KPI's drill-down apply the same rule. The KPI then reads the partners whose first
-- win fell in the period through first_win's index (a few thousand rows), instead of the
-- period's won deals and each winner's first win.
--
-- Kept by statement triggers on opportunity (the partners of won deals inserted or deleted,
-- and of deals whose stage, close moment, amount, currency or partner changed while won
-- before or after) and on exchange_rate (every partner: a rare admin change), each partner
-- recounted from opportunity_won_partner_amount_idx (an index probe in close order).

ALTER TABLE fact_setting ADD COLUMN first_win_rule TEXT;

CREATE TABLE partner_first_win_fact (
    partner_id BIGINT      PRIMARY KEY,
    first_win  TIMESTAMPTZ NOT NULL
);
CREATE INDEX partner_first_win_fact_win_idx ON partner_first_win_fact (first_win) INCLUDE (partner_id);

-- The counting rule in force: the application's (fact_setting) or, before it first wrote
-- one, the rule with the default minimum of zero.
CREATE FUNCTION facts_first_win_rule() RETURNS TEXT
LANGUAGE sql STABLE AS $fn$
    SELECT COALESCE((SELECT first_win_rule FROM fact_setting),
                    '(o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 0)')
$fn$;

-- Recounts the given partners' first counted wins (every partner when ids is null).
CREATE FUNCTION facts_first_win_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL THEN
        TRUNCATE partner_first_win_fact;
        ids := ARRAY(SELECT id FROM partner ORDER BY id);
    ELSE
        DELETE FROM partner_first_win_fact WHERE partner_id = ANY (ids);
    END IF;
    EXECUTE format($sql$
        INSERT INTO partner_first_win_fact (partner_id, first_win)
        SELECT i.id, w.closed_at
        FROM (SELECT DISTINCT id FROM unnest($1) AS u(id) WHERE id IS NOT NULL) i
        CROSS JOIN LATERAL (
            SELECT o.closed_at FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
            WHERE o.partner_id = i.id AND o.stage = 'CLOSED_WON' AND o.closed_at IS NOT NULL AND %s
            ORDER BY o.closed_at LIMIT 1) w
        ORDER BY 1
        ON CONFLICT (partner_id) DO UPDATE SET first_win = EXCLUDED.first_win
        $sql$, facts_first_win_rule()) USING ids;
END
$fn$;

CREATE FUNCTION facts_first_win_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_first_win_refresh(ARRAY(SELECT DISTINCT partner_id FROM new_rows
                                              WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_first_win_refresh(ARRAY(SELECT DISTINCT partner_id FROM old_rows
                                              WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSE
        PERFORM facts_first_win_refresh(ARRAY(
            SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (n.partner_id), (o.partner_id)) AS p(id)
            WHERE (n.stage = 'CLOSED_WON' OR o.stage = 'CLOSED_WON') AND p.id IS NOT NULL
              AND (n.stage, n.closed_at, n.amount, n.currency, n.partner_id)
                  IS DISTINCT FROM (o.stage, o.closed_at, o.amount, o.currency, o.partner_id)));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_first_win_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_deals();
CREATE TRIGGER facts_first_win_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_deals();
CREATE TRIGGER facts_first_win_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_deals();

CREATE FUNCTION facts_first_win_on_rates() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM facts_first_win_refresh(NULL);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_first_win_rates_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchange_rate
    FOR EACH STATEMENT EXECUTE FUNCTION facts_first_win_on_rates();

SELECT facts_first_win_refresh(NULL);

-- facts_rebuild (V64, V64_1, V116) also recounts the first wins.
CREATE OR REPLACE FUNCTION facts_rebuild(p_zone TEXT, p_currency TEXT DEFAULT NULL) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO fact_setting (id, zone) VALUES (TRUE, p_zone) ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone;
    IF p_currency IS NULL THEN
        TRUNCATE partner_day_fact, rep_day_fact, open_pipeline_fact;
    ELSE
        DELETE FROM partner_day_fact WHERE currency = p_currency;
        DELETE FROM rep_day_fact WHERE currency = p_currency;
        DELETE FROM open_pipeline_fact WHERE currency = p_currency;
    END IF;
    EXECUTE facts_delta_sql(
        'SELECT 1 AS sign, ' || facts_deal_columns('o') || ' FROM opportunity o WHERE $1 IS NULL OR o.currency = $1',
        'SELECT 1 AS sign, o.partner_id, o.credit_type, o.owner_id, o.currency, sc.changed_at '
        'FROM opportunity_stage_change sc JOIN opportunity o ON o.id = sc.opportunity_id WHERE $1 IS NULL OR o.currency = $1')
        USING p_currency;
    IF p_currency IS NULL THEN
        PERFORM forecast_counts_rebuild();
        TRUNCATE partner_activity_fact;
        PERFORM facts_activity_refresh(ARRAY(SELECT id FROM partner));
        PERFORM facts_enablement_refresh(NULL);
        PERFORM facts_first_win_refresh(NULL);
    END IF;
END
$fn$;
