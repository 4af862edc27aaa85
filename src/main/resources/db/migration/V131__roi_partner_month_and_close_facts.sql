-- The ROI page's quarter figures (module roi, issue 15) read, per request and for each of the
-- four quarters of its trend, every partner-day of the quarter (pipeline and revenue) and, for
-- the quarter shown, every deal closed in it joined to its account (the lift against the direct
-- baseline of the account's industry). Two kept facts replace those reads:
--
-- 1. partner_month_fact: partner_day_fact summed per partner and calendar month (pipeline
--    created and revenue won, counts and reporting amounts), kept by statement triggers on
--    partner_day_fact exactly as rep_month_fact follows rep_day_fact (V119): inserted rows
--    added, updated rows' difference, deleted rows taken away, a TRUNCATE (the facts rebuild)
--    empties it and the rebuild's insert fills it again. Direct deals (partner 0) are left
--    out: ROI reads partners only, and one row for every direct deal would be a hot spot. A
--    fiscal quarter is three whole calendar months, so a quarter reads three rows a partner.
-- 2. roi_close_fact: the closed deals (won or lost) per business month of their close,
--    partner (0 for a direct deal) and their account's industry ('' without one): how many
--    closed and how many of them were won. Kept by statement triggers on opportunity (a deal
--    closed, reopened, its close time, partner or account changed, inserted or deleted
--    closed) and on account (an industry change moves its closed deals), skipped while
--    fact_setting is empty (a bulk load) like the deal facts, and recomputed by
--    roi_close_fact_rebuild() (the facts rebuild runs it). The month is the business day's
--    (fact_setting.zone, the zone the day facts are counted in), so a quarter's months hold
--    exactly the deals closed in [start of its first day, start of the next quarter).

CREATE TABLE partner_month_fact (
    month             DATE    NOT NULL,
    partner_id        BIGINT  NOT NULL,
    created_count     BIGINT  NOT NULL,
    created_reporting NUMERIC NOT NULL,
    won_count         BIGINT  NOT NULL,
    won_reporting     NUMERIC NOT NULL,
    PRIMARY KEY (month, partner_id)
);
-- one partner's months (a PAM's book, a partner user): the key reads a quarter of every partner
CREATE INDEX partner_month_fact_partner_idx ON partner_month_fact (partner_id, month)
    INCLUDE (created_reporting, won_reporting);
-- the months that fell to nothing, which the trigger removes after each change
CREATE INDEX partner_month_fact_zero_idx ON partner_month_fact (month)
    WHERE created_count = 0 AND created_reporting = 0 AND won_count = 0 AND won_reporting = 0;

-- The statement that adds the signed day rows the query text yields (columns: sign, day,
-- partner_id, created_count, created_reporting, won_count, won_reporting) to their months. Keys
-- in order. The text reads the trigger's transition tables, so the trigger function EXECUTEs
-- it itself.
CREATE FUNCTION partner_month_fact_sql(days TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH d AS (%s)
            INSERT INTO partner_month_fact AS m (month, partner_id, created_count, created_reporting, won_count,
                won_reporting)
            SELECT CAST(date_trunc('month', day) AS DATE), partner_id, sum(sign * created_count),
                   sum(sign * created_reporting), sum(sign * won_count), sum(sign * won_reporting)
            FROM d WHERE partner_id <> 0 GROUP BY 1, 2
            HAVING sum(sign * created_count) <> 0 OR sum(sign * created_reporting) <> 0 OR sum(sign * won_count) <> 0
                OR sum(sign * won_reporting) <> 0
            ORDER BY 1, 2
            ON CONFLICT (month, partner_id) DO UPDATE SET
                created_count = m.created_count + EXCLUDED.created_count,
                created_reporting = m.created_reporting + EXCLUDED.created_reporting,
                won_count = m.won_count + EXCLUDED.won_count, won_reporting = m.won_reporting + EXCLUDED.won_reporting
        $sql$, days)
$fn$;

CREATE FUNCTION partner_month_fact_on_days() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    columns CONSTANT TEXT := 'day, partner_id, created_count, created_reporting, won_count, won_reporting';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE partner_month_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE partner_month_fact_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE partner_month_fact_sql('SELECT -1 AS sign, ' || columns || ' FROM old_rows');
    ELSE
        EXECUTE partner_month_fact_sql('SELECT 1 AS sign, ' || columns || ' FROM new_rows UNION ALL SELECT -1, '
            || columns || ' FROM old_rows');
    END IF;
    -- a month that fell to nothing, removed in a statement of its own (a data-modifying CTE
    -- cannot delete a row its INSERT … ON CONFLICT just updated)
    DELETE FROM partner_month_fact
    WHERE created_count = 0 AND created_reporting = 0 AND won_count = 0 AND won_reporting = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER partner_month_fact_days_inserted AFTER INSERT ON partner_day_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_month_fact_on_days();
CREATE TRIGGER partner_month_fact_days_updated AFTER UPDATE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_month_fact_on_days();
CREATE TRIGGER partner_month_fact_days_deleted AFTER DELETE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION partner_month_fact_on_days();
CREATE TRIGGER partner_month_fact_days_truncated AFTER TRUNCATE ON partner_day_fact
    FOR EACH STATEMENT EXECUTE FUNCTION partner_month_fact_on_days();

INSERT INTO partner_month_fact (month, partner_id, created_count, created_reporting, won_count, won_reporting)
SELECT CAST(date_trunc('month', day) AS DATE), partner_id, sum(created_count), sum(created_reporting),
       sum(won_count), sum(won_reporting)
FROM partner_day_fact WHERE partner_id <> 0 GROUP BY 1, 2
HAVING sum(created_count) <> 0 OR sum(created_reporting) <> 0 OR sum(won_count) <> 0 OR sum(won_reporting) <> 0;

CREATE TABLE roi_close_fact (
    month      DATE   NOT NULL,
    industry   TEXT   NOT NULL,
    partner_id BIGINT NOT NULL,
    closed     BIGINT NOT NULL,
    won        BIGINT NOT NULL,
    PRIMARY KEY (month, industry, partner_id)
);
-- the direct closes (partner 0: the baseline) and one partner's closes by month
CREATE INDEX roi_close_fact_partner_idx ON roi_close_fact (partner_id, month) INCLUDE (industry, closed, won);
-- the rows whose count fell to zero, removed by the triggers in a statement of their own
CREATE INDEX roi_close_fact_zero_idx ON roi_close_fact (month) WHERE closed = 0 AND won = 0;

-- The statement that adds the signed closed deals the query text yields (columns: sign,
-- closed_at, partner_id, industry, stage; only closed deals) to their month, industry and
-- partner. Keys in order, so concurrent writers lock rows in one order. The text may read the
-- trigger's transition tables, so the trigger function EXECUTEs it itself.
CREATE FUNCTION roi_close_fact_sql(contributions TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s)
        INSERT INTO roi_close_fact AS f (month, industry, partner_id, closed, won)
        SELECT CAST(date_trunc('month', c.closed_at AT TIME ZONE z.zone) AS DATE), coalesce(c.industry, ''),
               coalesce(c.partner_id, 0), sum(c.sign), coalesce(sum(c.sign) FILTER (WHERE c.stage = 'CLOSED_WON'), 0)
        FROM c CROSS JOIN fact_setting z
        WHERE c.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND c.closed_at IS NOT NULL
        GROUP BY 1, 2, 3
        HAVING sum(c.sign) <> 0 OR coalesce(sum(c.sign) FILTER (WHERE c.stage = 'CLOSED_WON'), 0) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (month, industry, partner_id) DO UPDATE SET closed = f.closed + EXCLUDED.closed,
            won = f.won + EXCLUDED.won
        $sql$, contributions)
$fn$;

CREATE FUNCTION roi_close_fact_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE roi_close_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE roi_close_fact_sql('SELECT 1 AS sign, o.closed_at, o.partner_id, a.industry, o.stage FROM opportunity o '
        'JOIN account a ON a.id = o.account_id WHERE o.stage IN (''CLOSED_WON'', ''CLOSED_LOST'')');
END
$fn$;

-- Deals: closed deals added and taken away under their close month, partner and industry.
CREATE FUNCTION roi_close_fact_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE roi_close_fact_sql('SELECT 1 AS sign, n.closed_at, n.partner_id, a.industry, n.stage FROM new_rows n '
            'JOIN account a ON a.id = n.account_id WHERE n.stage IN (''CLOSED_WON'', ''CLOSED_LOST'')');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE roi_close_fact_sql('SELECT -1 AS sign, o.closed_at, o.partner_id, a.industry, o.stage FROM old_rows o '
            'JOIN account a ON a.id = o.account_id WHERE o.stage IN (''CLOSED_WON'', ''CLOSED_LOST'')');
    ELSE
        EXECUTE roi_close_fact_sql('WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.stage IN (''CLOSED_WON'', ''CLOSED_LOST'') OR o.stage IN (''CLOSED_WON'', ''CLOSED_LOST'')) '
            'AND (n.stage, n.closed_at, n.partner_id, n.account_id) '
            'IS DISTINCT FROM (o.stage, o.closed_at, o.partner_id, o.account_id)) '
            'SELECT 1 AS sign, n.closed_at, n.partner_id, a.industry, n.stage FROM new_rows n '
            'JOIN account a ON a.id = n.account_id '
            'WHERE n.stage IN (''CLOSED_WON'', ''CLOSED_LOST'') AND n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, o.closed_at, o.partner_id, a.industry, o.stage FROM old_rows o '
            'JOIN account a ON a.id = o.account_id '
            'WHERE o.stage IN (''CLOSED_WON'', ''CLOSED_LOST'') AND o.id IN (SELECT id FROM moved)');
    END IF;
    DELETE FROM roi_close_fact WHERE closed = 0 AND won = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_close_fact_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_close_fact_on_deals();
CREATE TRIGGER roi_close_fact_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_close_fact_on_deals();
CREATE TRIGGER roi_close_fact_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_close_fact_on_deals();

-- Accounts: an account's closed deals move from its former industry to its new one.
CREATE FUNCTION roi_close_fact_on_accounts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    EXECUTE roi_close_fact_sql('WITH changed AS (SELECT n.id, o.industry AS before, n.industry AS after '
        'FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.industry IS DISTINCT FROM o.industry), '
        'closes AS (SELECT c.before, c.after, d.closed_at, d.partner_id, d.stage FROM changed c '
        'JOIN opportunity d ON d.account_id = c.id WHERE d.stage IN (''CLOSED_WON'', ''CLOSED_LOST'')) '
        'SELECT 1 AS sign, closed_at, partner_id, after AS industry, stage FROM closes '
        'UNION ALL SELECT -1, closed_at, partner_id, before, stage FROM closes');
    DELETE FROM roi_close_fact WHERE closed = 0 AND won = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_close_fact_accounts_updated AFTER UPDATE ON account
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_close_fact_on_accounts();

SELECT roi_close_fact_rebuild();
