-- The live forecast model kept as counts (module forecast, issue 15): for every closed deal,
-- one ledger row per open stage it went through (its group as counted, won or lost, days
-- spent there, first and last entry), and from those rows the counts the model is learned
-- from: per stage and group, closed deals that reached it and how many were won; per pair
-- of stages and group, closed deals that went through the later one after entering the
-- first. A deal's rows are replaced whenever it closes, reopens or its history changes (in
-- the statement that changed it, by the facts triggers), and the counts move by the
-- difference, so the model follows each close in a few rows instead of regrouping every
-- stage move of every closed deal. forecast_counts_rebuild() recomputes everything.

CREATE TABLE forecast_deal_stage (
    opportunity_id BIGINT      NOT NULL,
    stage          TEXT        NOT NULL,
    grp            TEXT        NOT NULL,
    won            BOOLEAN     NOT NULL,
    days           NUMERIC,
    first_at       TIMESTAMPTZ NOT NULL,
    last_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (opportunity_id, stage)
);
CREATE INDEX forecast_deal_stage_days_idx ON forecast_deal_stage (stage, grp, days);

CREATE TABLE forecast_stage_count (
    stage  TEXT   NOT NULL,
    grp    TEXT   NOT NULL,
    closed BIGINT NOT NULL,
    won    BIGINT NOT NULL,
    PRIMARY KEY (stage, grp)
);

CREATE TABLE forecast_path_count (
    from_stage TEXT   NOT NULL,
    to_stage   TEXT   NOT NULL,
    grp        TEXT   NOT NULL,
    deals      BIGINT NOT NULL,
    PRIMARY KEY (from_stage, to_stage, grp)
);

-- Replaces the ledger rows of the given deals with their current history and moves the
-- counts by the difference. A deal's group is the tier its partner had on the deal's
-- creation day (the partner's tier now when it never changed), as ForecastRepository.GROUP.
CREATE FUNCTION forecast_counts_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    IF zone IS NULL OR ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    IF to_regclass('pg_temp.forecast_counted') IS NULL THEN
        CREATE TEMP TABLE forecast_counted (opportunity_id BIGINT, stage TEXT, grp TEXT, won BOOLEAN,
            first_at TIMESTAMPTZ, last_at TIMESTAMPTZ, sign INT) ON COMMIT DELETE ROWS;
    END IF;
    DELETE FROM forecast_counted;
    WITH gone AS (DELETE FROM forecast_deal_stage d WHERE d.opportunity_id = ANY (ids) RETURNING d.*)
    INSERT INTO forecast_counted SELECT opportunity_id, stage, grp, won, first_at, last_at, -1 FROM gone;
    WITH visits AS (
        SELECT sc.opportunity_id, sc.to_stage AS stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
                 - sc.changed_at) / 86400 AS days, sc.changed_at
        FROM opportunity_stage_change sc
        WHERE sc.opportunity_id = ANY (ids)),
    added AS (
        INSERT INTO forecast_deal_stage (opportunity_id, stage, grp, won, days, first_at, last_at)
        SELECT v.opportunity_id, v.stage,
               CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
                    ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE zone AS DATE)), p.tier) END,
               o.stage = 'CLOSED_WON', sum(v.days), min(v.changed_at), max(v.changed_at)
        FROM visits v JOIN opportunity o ON o.id = v.opportunity_id LEFT JOIN partner p ON p.id = o.partner_id
        WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND v.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        GROUP BY 1, 2, 3, 4
        RETURNING opportunity_id, stage, grp, won, first_at, last_at)
    INSERT INTO forecast_counted SELECT opportunity_id, stage, grp, won, first_at, last_at, 1 FROM added;

    INSERT INTO forecast_stage_count AS c (stage, grp, closed, won)
    SELECT stage, grp, sum(sign), COALESCE(sum(sign) FILTER (WHERE won), 0) FROM forecast_counted GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE won), 0) <> 0 ORDER BY 1, 2
    ON CONFLICT (stage, grp) DO UPDATE SET closed = c.closed + EXCLUDED.closed, won = c.won + EXCLUDED.won;

    INSERT INTO forecast_path_count AS c (from_stage, to_stage, grp, deals)
    SELECT f.stage, t.stage, f.grp, sum(f.sign)
    FROM forecast_counted f JOIN forecast_counted t ON t.opportunity_id = f.opportunity_id AND t.sign = f.sign
      AND (t.stage = f.stage OR t.last_at > f.first_at)
    GROUP BY 1, 2, 3 HAVING sum(f.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (from_stage, to_stage, grp) DO UPDATE SET deals = c.deals + EXCLUDED.deals;
    DELETE FROM forecast_counted;
END
$fn$;

-- Recomputes the ledger and the counts from every closed deal's history.
CREATE FUNCTION forecast_counts_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE forecast_deal_stage, forecast_stage_count, forecast_path_count;
    PERFORM forecast_counts_refresh(ARRAY(SELECT id FROM opportunity WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST')));
END
$fn$;

-- The facts triggers also refresh the forecast counts of the deals they saw change.
CREATE OR REPLACE FUNCTION facts_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    changes TEXT;
    moves CONSTANT TEXT := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, sc.changed_at '
        'FROM changes c JOIN opportunity_stage_change sc ON sc.opportunity_id = c.id';
    closing BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL; -- not built yet: the application builds them at start
    END IF;
    IF TG_OP = 'INSERT' THEN
        changes := 'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n';
        closing := ARRAY(SELECT id FROM new_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSIF TG_OP = 'DELETE' THEN
        changes := 'SELECT -1 AS sign, ' || facts_deal_columns('o') || ' FROM old_rows o';
        closing := ARRAY(SELECT id FROM old_rows WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST'));
    ELSE
        -- only deals whose counted columns changed (a renamed deal changes nothing)
        changes := 'WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.partner_id, n.credit_type, n.owner_id, n.currency, n.amount, n.stage, n.created_at, n.closed_at) '
            'IS DISTINCT FROM (o.partner_id, o.credit_type, o.owner_id, o.currency, o.amount, o.stage, o.created_at, o.closed_at)) '
            'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, ' || facts_deal_columns('o') || ' FROM old_rows o WHERE o.id IN (SELECT id FROM moved)';
        -- closed before or after, and its stage, partner or creation changed
        closing := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage IN ('CLOSED_WON', 'CLOSED_LOST') OR o.stage IN ('CLOSED_WON', 'CLOSED_LOST'))
              AND (n.stage, n.partner_id, n.created_at) IS DISTINCT FROM (o.stage, o.partner_id, o.created_at));
    END IF;
    EXECUTE facts_delta_sql(changes, moves);
    PERFORM forecast_counts_refresh(closing);
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION facts_on_stage_changes() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    changes CONSTANT TEXT := 'SELECT 1 AS sign, ' || facts_deal_columns('o') || ' FROM opportunity o WHERE FALSE';
    rows TEXT;
    closed BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    rows := CASE WHEN TG_OP = 'INSERT' THEN 'SELECT 1 AS sign, opportunity_id, changed_at FROM new_rows'
                 ELSE 'SELECT -1 AS sign, opportunity_id, changed_at FROM old_rows' END;
    EXECUTE facts_delta_sql(changes, 'SELECT s.sign, o.partner_id, o.credit_type, o.owner_id, o.currency, s.changed_at '
        'FROM (' || rows || ') s JOIN opportunity o ON o.id = s.opportunity_id');
    -- the history of a closed deal changed (an import writing it after the deal)
    EXECUTE 'SELECT ARRAY(SELECT DISTINCT s.opportunity_id FROM (' || rows || ') s '
        'JOIN opportunity o ON o.id = s.opportunity_id WHERE o.stage IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO closed;
    PERFORM forecast_counts_refresh(closed);
    RETURN NULL;
END
$fn$;

-- A rebuild of the facts rebuilds the counts too.
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
    END IF;
END
$fn$;
