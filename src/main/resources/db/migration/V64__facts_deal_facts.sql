-- Pre-aggregated deal facts (module facts): what the KPIs and roll-ups read instead of
-- scanning every deal. Per partner and business day, and per rep (the deal's owner) and
-- business day, in each deal currency: pipeline created, won and lost counts and amounts
-- (in the deal's currency and converted into the reporting currency, each deal converted
-- and rounded once as ReportingCurrency.DEAL_AMOUNT does), cycle-day sums and stage moves;
-- and the open pipeline now per partner, credit type and currency.
--
-- A deal's contribution follows its row: created on the business day of created_at, won or
-- lost on the business day of closed_at, one stage move per opportunity_stage_change row on
-- the day it happened, all under the deal's current partner, credit type, owner and
-- currency. Statement triggers on opportunity and opportunity_stage_change subtract the old
-- rows' contributions and add the new rows' in the statement that changed them, so the
-- facts commit (or roll back) with the change, whatever path wrote it (services, CRM
-- imports with COPY, hand-overs). facts_rebuild() recomputes everything from the base
-- tables. Direct deals have partner_id 0 and credit_type ''.

CREATE TABLE fact_setting (
    id   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    -- the business time zone the fact days are counted in; written by the application at
    -- start, which rebuilds the facts when it differs
    zone TEXT NOT NULL
);

CREATE TABLE partner_day_fact (
    day               DATE    NOT NULL,
    partner_id        BIGINT  NOT NULL,
    credit_type       TEXT    NOT NULL,
    currency          CHAR(3) NOT NULL,
    created_count     BIGINT  NOT NULL DEFAULT 0,
    created_amount    NUMERIC NOT NULL DEFAULT 0,
    created_reporting NUMERIC NOT NULL DEFAULT 0,
    won_count         BIGINT  NOT NULL DEFAULT 0,
    won_amount        NUMERIC NOT NULL DEFAULT 0,
    won_reporting     NUMERIC NOT NULL DEFAULT 0,
    lost_count        BIGINT  NOT NULL DEFAULT 0,
    lost_amount       NUMERIC NOT NULL DEFAULT 0,
    lost_reporting    NUMERIC NOT NULL DEFAULT 0,
    won_cycle_days    NUMERIC NOT NULL DEFAULT 0,
    lost_cycle_days   NUMERIC NOT NULL DEFAULT 0,
    stage_moves       BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, partner_id, credit_type, currency)
);
CREATE INDEX partner_day_fact_partner_idx ON partner_day_fact (partner_id, day);

CREATE TABLE rep_day_fact (
    day               DATE    NOT NULL,
    owner_id          BIGINT  NOT NULL,
    partner_involved  BOOLEAN NOT NULL,
    currency          CHAR(3) NOT NULL,
    created_count     BIGINT  NOT NULL DEFAULT 0,
    created_amount    NUMERIC NOT NULL DEFAULT 0,
    created_reporting NUMERIC NOT NULL DEFAULT 0,
    won_count         BIGINT  NOT NULL DEFAULT 0,
    won_amount        NUMERIC NOT NULL DEFAULT 0,
    won_reporting     NUMERIC NOT NULL DEFAULT 0,
    lost_count        BIGINT  NOT NULL DEFAULT 0,
    lost_amount       NUMERIC NOT NULL DEFAULT 0,
    lost_reporting    NUMERIC NOT NULL DEFAULT 0,
    won_cycle_days    NUMERIC NOT NULL DEFAULT 0,
    lost_cycle_days   NUMERIC NOT NULL DEFAULT 0,
    stage_moves       BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, partner_involved, currency)
);
CREATE INDEX rep_day_fact_day_idx ON rep_day_fact (day);

CREATE TABLE open_pipeline_fact (
    partner_id     BIGINT  NOT NULL,
    credit_type    TEXT    NOT NULL,
    currency       CHAR(3) NOT NULL,
    open_count     BIGINT  NOT NULL DEFAULT 0,
    open_amount    NUMERIC NOT NULL DEFAULT 0,
    open_reporting NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, credit_type, currency)
);

-- Exact medians over a period's closed deals read only that period's closed deals, from
-- the index alone (sales cycle, first revenue).
CREATE INDEX opportunity_closed_facts_idx ON opportunity (closed_at)
    INCLUDE (stage, partner_id, credit_type, created_at, amount, currency)
    WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST');
CREATE INDEX opportunity_won_partner_amount_idx ON opportunity (partner_id, closed_at)
    INCLUDE (amount, currency) WHERE stage = 'CLOSED_WON';

-- The statement that applies contributions: `changes` yields (sign, id, partner_id,
-- credit_type, owner_id, currency, amount, stage, created_at, closed_at) of deals whose
-- contribution is added (+1) or taken away (-1); `moves` yields (sign, partner_id,
-- credit_type, owner_id, currency, changed_at), one row per stage move. Both may refer to
-- the trigger's transition tables, so the caller EXECUTEs the text itself.
CREATE FUNCTION facts_delta_sql(changes TEXT, moves TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
WITH zone AS (SELECT zone FROM fact_setting),
changes AS (%1$s),
moves AS (%2$s),
contrib AS (
  SELECT c.sign, COALESCE(c.partner_id, 0) AS partner_id, COALESCE(c.credit_type, '') AS credit_type, c.owner_id,
         c.partner_id IS NOT NULL AS involved, c.currency, CAST(c.created_at AT TIME ZONE z.zone AS DATE) AS day,
         1 AS created_count, c.amount AS created_amount, COALESCE(round(c.amount * fx.to_reporting, 2), 0) AS created_reporting,
         0 AS won_count, 0 AS won_amount, 0 AS won_reporting, 0 AS lost_count, 0 AS lost_amount, 0 AS lost_reporting,
         0 AS won_cycle_days, 0 AS lost_cycle_days, 0 AS stage_moves
  FROM changes c CROSS JOIN zone z LEFT JOIN exchange_rate fx ON fx.currency = c.currency
  UNION ALL
  SELECT c.sign, COALESCE(c.partner_id, 0), COALESCE(c.credit_type, ''), c.owner_id, c.partner_id IS NOT NULL, c.currency,
         CAST(c.closed_at AT TIME ZONE z.zone AS DATE), 0, 0, 0,
         CASE WHEN c.stage = 'CLOSED_WON' THEN 1 ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_WON' THEN c.amount ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_WON' THEN COALESCE(round(c.amount * fx.to_reporting, 2), 0) ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_LOST' THEN 1 ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_LOST' THEN c.amount ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_LOST' THEN COALESCE(round(c.amount * fx.to_reporting, 2), 0) ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_WON' THEN extract(epoch FROM c.closed_at - c.created_at) / 86400 ELSE 0 END,
         CASE WHEN c.stage = 'CLOSED_LOST' THEN extract(epoch FROM c.closed_at - c.created_at) / 86400 ELSE 0 END,
         0
  FROM changes c CROSS JOIN zone z LEFT JOIN exchange_rate fx ON fx.currency = c.currency
  WHERE c.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND c.closed_at IS NOT NULL
  UNION ALL
  SELECT m.sign, COALESCE(m.partner_id, 0), COALESCE(m.credit_type, ''), m.owner_id, m.partner_id IS NOT NULL, m.currency,
         CAST(m.changed_at AT TIME ZONE z.zone AS DATE), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
  FROM moves m CROSS JOIN zone z),
by_partner AS (
  INSERT INTO partner_day_fact AS f (day, partner_id, credit_type, currency, created_count, created_amount,
      created_reporting, won_count, won_amount, won_reporting, lost_count, lost_amount, lost_reporting,
      won_cycle_days, lost_cycle_days, stage_moves)
  SELECT day, partner_id, credit_type, currency, sum(sign * created_count), sum(sign * created_amount),
         sum(sign * created_reporting), sum(sign * won_count), sum(sign * won_amount), sum(sign * won_reporting),
         sum(sign * lost_count), sum(sign * lost_amount), sum(sign * lost_reporting), sum(sign * won_cycle_days),
         sum(sign * lost_cycle_days), sum(sign * stage_moves)
  FROM contrib GROUP BY day, partner_id, credit_type, currency
  HAVING sum(sign * created_count) <> 0 OR sum(sign * created_amount) <> 0 OR sum(sign * created_reporting) <> 0
      OR sum(sign * won_count) <> 0 OR sum(sign * won_amount) <> 0 OR sum(sign * won_reporting) <> 0
      OR sum(sign * lost_count) <> 0 OR sum(sign * lost_amount) <> 0 OR sum(sign * lost_reporting) <> 0
      OR sum(sign * won_cycle_days) <> 0 OR sum(sign * lost_cycle_days) <> 0 OR sum(sign * stage_moves) <> 0
  ORDER BY day, partner_id, credit_type, currency
  ON CONFLICT (day, partner_id, credit_type, currency) DO UPDATE SET
      created_count = f.created_count + EXCLUDED.created_count, created_amount = f.created_amount + EXCLUDED.created_amount,
      created_reporting = f.created_reporting + EXCLUDED.created_reporting, won_count = f.won_count + EXCLUDED.won_count,
      won_amount = f.won_amount + EXCLUDED.won_amount, won_reporting = f.won_reporting + EXCLUDED.won_reporting,
      lost_count = f.lost_count + EXCLUDED.lost_count, lost_amount = f.lost_amount + EXCLUDED.lost_amount,
      lost_reporting = f.lost_reporting + EXCLUDED.lost_reporting,
      won_cycle_days = f.won_cycle_days + EXCLUDED.won_cycle_days,
      lost_cycle_days = f.lost_cycle_days + EXCLUDED.lost_cycle_days, stage_moves = f.stage_moves + EXCLUDED.stage_moves
  RETURNING 1),
by_rep AS (
  INSERT INTO rep_day_fact AS f (day, owner_id, partner_involved, currency, created_count, created_amount,
      created_reporting, won_count, won_amount, won_reporting, lost_count, lost_amount, lost_reporting,
      won_cycle_days, lost_cycle_days, stage_moves)
  SELECT day, owner_id, involved, currency, sum(sign * created_count), sum(sign * created_amount),
         sum(sign * created_reporting), sum(sign * won_count), sum(sign * won_amount), sum(sign * won_reporting),
         sum(sign * lost_count), sum(sign * lost_amount), sum(sign * lost_reporting), sum(sign * won_cycle_days),
         sum(sign * lost_cycle_days), sum(sign * stage_moves)
  FROM contrib GROUP BY day, owner_id, involved, currency
  HAVING sum(sign * created_count) <> 0 OR sum(sign * created_amount) <> 0 OR sum(sign * created_reporting) <> 0
      OR sum(sign * won_count) <> 0 OR sum(sign * won_amount) <> 0 OR sum(sign * won_reporting) <> 0
      OR sum(sign * lost_count) <> 0 OR sum(sign * lost_amount) <> 0 OR sum(sign * lost_reporting) <> 0
      OR sum(sign * won_cycle_days) <> 0 OR sum(sign * lost_cycle_days) <> 0 OR sum(sign * stage_moves) <> 0
  ORDER BY owner_id, day, involved, currency
  ON CONFLICT (owner_id, day, partner_involved, currency) DO UPDATE SET
      created_count = f.created_count + EXCLUDED.created_count, created_amount = f.created_amount + EXCLUDED.created_amount,
      created_reporting = f.created_reporting + EXCLUDED.created_reporting, won_count = f.won_count + EXCLUDED.won_count,
      won_amount = f.won_amount + EXCLUDED.won_amount, won_reporting = f.won_reporting + EXCLUDED.won_reporting,
      lost_count = f.lost_count + EXCLUDED.lost_count, lost_amount = f.lost_amount + EXCLUDED.lost_amount,
      lost_reporting = f.lost_reporting + EXCLUDED.lost_reporting,
      won_cycle_days = f.won_cycle_days + EXCLUDED.won_cycle_days,
      lost_cycle_days = f.lost_cycle_days + EXCLUDED.lost_cycle_days, stage_moves = f.stage_moves + EXCLUDED.stage_moves
  RETURNING 1)
INSERT INTO open_pipeline_fact AS f (partner_id, credit_type, currency, open_count, open_amount, open_reporting)
SELECT COALESCE(c.partner_id, 0), COALESCE(c.credit_type, ''), c.currency, sum(c.sign), sum(c.sign * c.amount),
       sum(c.sign * COALESCE(round(c.amount * fx.to_reporting, 2), 0))
FROM changes c LEFT JOIN exchange_rate fx ON fx.currency = c.currency
WHERE c.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
GROUP BY 1, 2, 3
HAVING sum(c.sign) <> 0 OR sum(c.sign * c.amount) <> 0 OR sum(c.sign * COALESCE(round(c.amount * fx.to_reporting, 2), 0)) <> 0
ORDER BY 1, 2, 3
ON CONFLICT (partner_id, credit_type, currency) DO UPDATE SET
    open_count = f.open_count + EXCLUDED.open_count, open_amount = f.open_amount + EXCLUDED.open_amount,
    open_reporting = f.open_reporting + EXCLUDED.open_reporting
$sql$, changes, moves)
$fn$;

-- A deal's columns the facts depend on.
CREATE FUNCTION facts_deal_columns(alias TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format('%1$s.id, %1$s.partner_id, %1$s.credit_type, %1$s.owner_id, %1$s.currency, %1$s.amount, %1$s.stage, '
              '%1$s.created_at, %1$s.closed_at', alias)
$fn$;

CREATE FUNCTION facts_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    changes TEXT;
    moves CONSTANT TEXT := 'SELECT c.sign, c.partner_id, c.credit_type, c.owner_id, c.currency, sc.changed_at '
        'FROM changes c JOIN opportunity_stage_change sc ON sc.opportunity_id = c.id';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL; -- not built yet: the application builds them at start
    END IF;
    IF TG_OP = 'INSERT' THEN
        changes := 'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n';
    ELSIF TG_OP = 'DELETE' THEN
        changes := 'SELECT -1 AS sign, ' || facts_deal_columns('o') || ' FROM old_rows o';
    ELSE
        -- only deals whose counted columns changed (a renamed deal changes nothing)
        changes := 'WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.partner_id, n.credit_type, n.owner_id, n.currency, n.amount, n.stage, n.created_at, n.closed_at) '
            'IS DISTINCT FROM (o.partner_id, o.credit_type, o.owner_id, o.currency, o.amount, o.stage, o.created_at, o.closed_at)) '
            'SELECT 1 AS sign, ' || facts_deal_columns('n') || ' FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, ' || facts_deal_columns('o') || ' FROM old_rows o WHERE o.id IN (SELECT id FROM moved)';
    END IF;
    EXECUTE facts_delta_sql(changes, moves);
    RETURN NULL;
END
$fn$;

CREATE FUNCTION facts_on_stage_changes() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    changes CONSTANT TEXT := 'SELECT 1 AS sign, ' || facts_deal_columns('o') || ' FROM opportunity o WHERE FALSE';
    rows TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    rows := CASE WHEN TG_OP = 'INSERT' THEN 'SELECT 1 AS sign, opportunity_id, changed_at FROM new_rows'
                 ELSE 'SELECT -1 AS sign, opportunity_id, changed_at FROM old_rows' END;
    EXECUTE facts_delta_sql(changes, 'SELECT s.sign, o.partner_id, o.credit_type, o.owner_id, o.currency, s.changed_at '
        'FROM (' || rows || ') s JOIN opportunity o ON o.id = s.opportunity_id');
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_deals();
CREATE TRIGGER facts_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_deals();
CREATE TRIGGER facts_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_deals();
CREATE TRIGGER facts_stage_changes_inserted AFTER INSERT ON opportunity_stage_change
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_stage_changes();
CREATE TRIGGER facts_stage_changes_deleted AFTER DELETE ON opportunity_stage_change
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_stage_changes();

-- Recomputes every fact from the base tables in the business zone given (also recorded as
-- the zone later changes are counted in). Deals in one currency only when one is given.
CREATE FUNCTION facts_rebuild(p_zone TEXT, p_currency TEXT DEFAULT NULL) RETURNS VOID
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
END
$fn$;

-- A new or changed exchange rate converts that currency's facts again (each deal rounded
-- once, as the KPIs always did); a rate is set rarely and by an admin.
CREATE FUNCTION facts_on_rate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF EXISTS (SELECT 1 FROM fact_setting) THEN
        PERFORM facts_rebuild((SELECT zone FROM fact_setting),
            CASE WHEN TG_OP = 'DELETE' THEN OLD.currency ELSE NEW.currency END);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_rate_changed AFTER INSERT OR UPDATE OR DELETE ON exchange_rate
    FOR EACH ROW EXECUTE FUNCTION facts_on_rate();
