-- The open pipeline as the program's forecast roll-up reads it (module forecast, issue 15).
-- The roll-up weighs each open deal by the probability of its stage and group and counts it
-- in the quarter of its expected close: the later of (today + the days left of its stage's
-- norm + the later stages' days) and its close date (ExpectedClose). Both depend on today
-- and on the learned model, so they are computed when read; what a deal brings to them is
-- kept here instead of being read from the deals:
--
--   forecast_open_deal  one row per open deal: its stage, group (DIRECT, or PARTNER: and the
--                       tier its partner had on the deal's creation day, as
--                       ForecastRepository.GROUP), whether a partner is involved, whether
--                       it is called commit, the business day it entered its stage, the
--                       first day of the month of its close date ('-infinity' without one:
--                       quarters start on the first of a month, so the month decides the
--                       quarter test exactly), and its amount converted into the reporting
--                       currency and rounded once (ReportingCurrency.DEAL_AMOUNT).
--   forecast_open_fact  the same summed per stage, group, partner involvement, call, stage
--                       entry day and close month: a few thousand rows for 200,000 deals.
--
-- Triggers move both in the statement that changed a deal (created, stage moved, amount,
-- currency, close date, partner or creation changed, closed, reopened, deleted), a call
-- (forecast_call), an exchange rate or a partner's tier; forecast_open_rebuild() recomputes
-- them (the facts rebuild runs it). Like the deal facts they are skipped while fact_setting
-- is empty (a bulk load), and rebuilt after.

CREATE TABLE forecast_open_deal (
    opportunity_id   BIGINT  PRIMARY KEY,
    stage            TEXT    NOT NULL,
    grp              TEXT    NOT NULL,
    partner_involved BOOLEAN NOT NULL,
    called           BOOLEAN NOT NULL,
    entered_day      DATE    NOT NULL,
    close_month      DATE    NOT NULL,
    amount_reporting NUMERIC NOT NULL
);
-- the deal lines of the program and its partner deals: the largest first
CREATE INDEX forecast_open_deal_amount_idx ON forecast_open_deal (amount_reporting DESC, opportunity_id);

CREATE TABLE forecast_open_fact (
    stage            TEXT    NOT NULL,
    grp              TEXT    NOT NULL,
    partner_involved BOOLEAN NOT NULL,
    called           BOOLEAN NOT NULL,
    entered_day      DATE    NOT NULL,
    close_month      DATE    NOT NULL,
    deals            BIGINT  NOT NULL,
    amount_reporting NUMERIC NOT NULL,
    PRIMARY KEY (stage, grp, partner_involved, called, entered_day, close_month)
);

-- The ledger row of each given deal as it is now (none for a closed deal or one without an
-- exchange rate), in the business time zone; for the refresh and the rebuild. Only by id, so
-- that even a generic plan reads the deals by their key.
CREATE FUNCTION forecast_open_rows(ids BIGINT[], zone TEXT) RETURNS TABLE (opportunity_id BIGINT, stage TEXT,
    grp TEXT, partner_involved BOOLEAN, called BOOLEAN, entered_day DATE, close_month DATE, amount_reporting NUMERIC)
LANGUAGE sql STABLE AS $fn$
    SELECT o.id, o.stage,
           CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
                WHEN NOT EXISTS (SELECT 1 FROM tier_change t WHERE t.partner_id = o.partner_id) THEN 'PARTNER:' || p.tier
                ELSE 'PARTNER:' || COALESCE(partner_tier_on(o.partner_id, CAST(o.created_at AT TIME ZONE zone AS DATE)), p.tier) END,
           o.partner_id IS NOT NULL,
           EXISTS (SELECT 1 FROM forecast_call fc WHERE fc.opportunity_id = o.id),
           CAST(o.stage_entered_at AT TIME ZONE zone AS DATE),
           COALESCE(CAST(date_trunc('month', o.close_date) AS DATE), DATE '-infinity'),
           round(o.amount * fx.to_reporting, 2)
    FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
    WHERE o.id = ANY (ids) AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
$fn$;

-- Replaces the ledger rows of the given deals with their current state and moves the sums
-- by the difference (keys in order, so concurrent refreshes lock rows in the same order);
-- a sum that falls to no deals is removed.
CREATE FUNCTION forecast_open_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    IF zone IS NULL OR ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    IF to_regclass('pg_temp.forecast_open_changed') IS NULL THEN
        CREATE TEMP TABLE forecast_open_changed (stage TEXT, grp TEXT, partner_involved BOOLEAN, called BOOLEAN,
            entered_day DATE, close_month DATE, deals BIGINT, amount_reporting NUMERIC) ON COMMIT DELETE ROWS;
    END IF;
    DELETE FROM forecast_open_changed;
    WITH gone AS (DELETE FROM forecast_open_deal d WHERE d.opportunity_id = ANY (ids) RETURNING d.*)
    INSERT INTO forecast_open_changed
    SELECT g.stage, g.grp, g.partner_involved, g.called, g.entered_day, g.close_month, -1, -g.amount_reporting FROM gone g;
    WITH added AS (
        INSERT INTO forecast_open_deal SELECT * FROM forecast_open_rows(ids, zone) RETURNING *)
    INSERT INTO forecast_open_changed
    SELECT a.stage, a.grp, a.partner_involved, a.called, a.entered_day, a.close_month, 1, a.amount_reporting FROM added a;

    INSERT INTO forecast_open_fact AS f (stage, grp, partner_involved, called, entered_day, close_month, deals,
        amount_reporting)
    SELECT c.stage, c.grp, c.partner_involved, c.called, c.entered_day, c.close_month, sum(c.deals), sum(c.amount_reporting)
    FROM forecast_open_changed c GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(c.deals) <> 0 OR sum(c.amount_reporting) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (stage, grp, partner_involved, called, entered_day, close_month)
    DO UPDATE SET deals = f.deals + EXCLUDED.deals, amount_reporting = f.amount_reporting + EXCLUDED.amount_reporting;
    -- only rows this refresh updated (and so already holds locked)
    DELETE FROM forecast_open_fact f USING (SELECT DISTINCT c.stage, c.grp, c.partner_involved, c.called,
        c.entered_day, c.close_month FROM forecast_open_changed c) c
    WHERE f.deals = 0 AND (f.stage, f.grp, f.partner_involved, f.called, f.entered_day, f.close_month)
        = (c.stage, c.grp, c.partner_involved, c.called, c.entered_day, c.close_month);
    DELETE FROM forecast_open_changed;
END
$fn$;

-- Recomputes the ledger and the sums from every open deal.
CREATE FUNCTION forecast_open_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
DECLARE
    zone TEXT := (SELECT s.zone FROM fact_setting s);
BEGIN
    TRUNCATE forecast_open_deal, forecast_open_fact;
    IF zone IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO forecast_open_deal
    SELECT * FROM forecast_open_rows(ARRAY(SELECT id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')), zone);
    INSERT INTO forecast_open_fact (stage, grp, partner_involved, called, entered_day, close_month, deals,
        amount_reporting)
    SELECT stage, grp, partner_involved, called, entered_day, close_month, count(*), sum(amount_reporting)
    FROM forecast_open_deal GROUP BY 1, 2, 3, 4, 5, 6;
END
$fn$;

-- Deals: the ones whose counted columns changed.
CREATE FUNCTION forecast_open_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT n.id FROM new_rows n
            WHERE n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT o.id FROM old_rows o
            WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    ELSE
        PERFORM forecast_open_refresh(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') OR o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
              AND (n.stage, n.amount, n.currency, n.partner_id, n.stage_entered_at, n.close_date, n.created_at)
                  IS DISTINCT FROM (o.stage, o.amount, o.currency, o.partner_id, o.stage_entered_at, o.close_date, o.created_at)));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER forecast_open_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_deals();
CREATE TRIGGER forecast_open_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_deals();
CREATE TRIGGER forecast_open_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_deals();

-- Calls commit and their withdrawal.
CREATE FUNCTION forecast_open_on_calls() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM old_rows));
    ELSE
        PERFORM forecast_open_refresh(ARRAY(SELECT opportunity_id FROM new_rows UNION SELECT opportunity_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER forecast_open_calls_inserted AFTER INSERT ON forecast_call
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_calls();
CREATE TRIGGER forecast_open_calls_updated AFTER UPDATE ON forecast_call
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_calls();
CREATE TRIGGER forecast_open_calls_deleted AFTER DELETE ON forecast_call
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_open_on_calls();

-- A new, changed or removed exchange rate converts that currency's open deals again.
CREATE FUNCTION forecast_open_on_rate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF EXISTS (SELECT 1 FROM fact_setting) THEN
        PERFORM forecast_open_refresh(ARRAY(SELECT o.id FROM opportunity o
            WHERE o.currency IN (CASE WHEN TG_OP = 'DELETE' THEN OLD.currency ELSE NEW.currency END,
                                 CASE WHEN TG_OP = 'UPDATE' THEN OLD.currency END)
              AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER forecast_open_rate_changed AFTER INSERT OR UPDATE OR DELETE ON exchange_rate
    FOR EACH ROW EXECUTE FUNCTION forecast_open_on_rate();

-- A partner's tier history or current tier decides the group of its deals: the tier
-- triggers of the forecast counts (V64_3, deferred by V68) also refresh the partner's open
-- deals.
CREATE OR REPLACE FUNCTION forecast_counts_on_tiers() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners TEXT;
    closed BIGINT[];
    open_ids BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    partners := CASE
        WHEN TG_TABLE_NAME = 'partner' THEN
            'SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.tier IS DISTINCT FROM o.tier'
        WHEN TG_OP = 'INSERT' THEN 'SELECT partner_id FROM new_rows'
        WHEN TG_OP = 'DELETE' THEN 'SELECT partner_id FROM old_rows'
        ELSE 'SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows' END;
    IF current_setting('trellis.defer_tier_recount', true) = 'on' THEN
        IF to_regclass('pg_temp.forecast_tier_recount') IS NULL THEN
            CREATE TEMP TABLE forecast_tier_recount (partner_id BIGINT PRIMARY KEY) ON COMMIT DELETE ROWS;
        END IF;
        EXECUTE 'INSERT INTO forecast_tier_recount SELECT DISTINCT id FROM (' || partners || ') p(id) '
            'WHERE id IS NOT NULL ON CONFLICT DO NOTHING';
        RETURN NULL;
    END IF;
    EXECUTE 'SELECT ARRAY(SELECT o.id FROM opportunity o WHERE o.partner_id IN (' || partners || ') '
        'AND o.stage IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO closed;
    PERFORM forecast_counts_refresh(closed);
    EXECUTE 'SELECT ARRAY(SELECT o.id FROM opportunity o WHERE o.partner_id IN (' || partners || ') '
        'AND o.stage NOT IN (''CLOSED_WON'', ''CLOSED_LOST''))' INTO open_ids;
    PERFORM forecast_open_refresh(open_ids);
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION forecast_counts_recount_deferred_tiers() RETURNS VOID LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('trellis.defer_tier_recount', 'off', true);
    IF to_regclass('pg_temp.forecast_tier_recount') IS NULL THEN
        RETURN;
    END IF;
    PERFORM forecast_counts_refresh(ARRAY(SELECT o.id FROM opportunity o JOIN forecast_tier_recount r
        ON r.partner_id = o.partner_id WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')));
    PERFORM forecast_open_refresh(ARRAY(SELECT o.id FROM opportunity o JOIN forecast_tier_recount r
        ON r.partner_id = o.partner_id WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')));
    DELETE FROM forecast_tier_recount;
END
$fn$;

-- Built now when the facts are (an upgrade); otherwise the application's first facts build
-- builds it.
SELECT forecast_open_rebuild() WHERE EXISTS (SELECT 1 FROM fact_setting);
