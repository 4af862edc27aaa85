-- The sales cycle's exact median from a kept histogram (issue 15, module facts).
--
-- SALES_CYCLE is the median of (closed_at - created_at) in days over the won deals closed in
-- the period, partner-involved against direct. It read and sorted every won deal of the
-- period (81,450 in a quarter of the large dataset), and a PAM's book paid the direct side's
-- 37,000 too. Kept here instead: won_cycle_fact counts the won deals per close day (business
-- day of closed_at in fact_setting.zone), partner involvement, currency and whole cycle day
-- (facts_cycle_day: floor of the cycle in days), once per day (month = FALSE) and once per
-- calendar month (month = TRUE, day = the month's first day), so a quarter reads three months
-- of buckets and a period's partial months their days. From the counts the reader finds the
-- cycle day holding the middle rank(s), then reads only that cycle day's won deals of the
-- period through opportunity_won_cycle_day_idx and takes the exact middle value(s) as
-- percentile_cont does (metrics.KpiSql.salesCycle). Deals in a currency without a rate are
-- left out by the reader joining exchange_rate, as before.
--
-- Kept by statement triggers on opportunity (won deals inserted or deleted; stage, close or
-- creation moment, partner involvement or currency changed while won before or after), in
-- the statement that changed the deal; skipped while fact_setting is empty (a bulk load) and
-- recomputed by won_cycle_rebuild() (DealFacts' rebuild runs it). Rows whose count falls to
-- zero are removed. A writer adds to slot pg_backend_pid() % 8 (the rebuild to slot 0), so two
-- transactions closing deals of the same cycle day in one month wait on the same month row
-- only one time in eight; readers sum the slots.

CREATE FUNCTION facts_cycle_day(created TIMESTAMPTZ, closed TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CAST(floor(extract(epoch FROM closed - created) / 86400) AS INTEGER)
$fn$;

CREATE TABLE won_cycle_fact (
    month            BOOLEAN NOT NULL,
    day              DATE    NOT NULL,
    partner_involved BOOLEAN NOT NULL,
    currency         CHAR(3) NOT NULL,
    cycle_day        INTEGER NOT NULL,
    slot             SMALLINT NOT NULL,
    won_count        BIGINT  NOT NULL,
    PRIMARY KEY (month, day, partner_involved, currency, cycle_day, slot)
);
CREATE INDEX won_cycle_fact_zero_idx ON won_cycle_fact (day) WHERE won_count = 0;

-- the won deals of one cycle day, by close moment: the middle bucket's deals of a period
CREATE INDEX opportunity_won_cycle_day_idx ON opportunity (facts_cycle_day(created_at, closed_at), closed_at)
    INCLUDE (created_at, partner_id, currency) WHERE stage = 'CLOSED_WON';

-- The statement adding the signed contributions (sign, stage, created_at, closed_at,
-- partner_id, currency) the query text yields to a slot, per day and per month, keys in order so
-- concurrent writers lock rows in one order. The text may read the trigger's transition
-- tables, so the trigger function EXECUTEs it itself.
CREATE FUNCTION won_cycle_sql(contributions TEXT, slot INTEGER) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s),
        d AS (SELECT CAST(c.closed_at AT TIME ZONE s.zone AS DATE) AS day, c.partner_id IS NOT NULL AS involved,
                     c.currency, facts_cycle_day(c.created_at, c.closed_at) AS cycle_day, c.sign
              FROM c CROSS JOIN fact_setting s WHERE c.stage = 'CLOSED_WON' AND c.closed_at IS NOT NULL),
        g AS (SELECT FALSE AS month, day, involved, currency, cycle_day, sign FROM d
              UNION ALL
              SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), involved, currency, cycle_day, sign
              FROM d)
        INSERT INTO won_cycle_fact AS f (month, day, partner_involved, currency, cycle_day, slot, won_count)
        SELECT month, day, involved, currency, cycle_day, %s, sum(sign) FROM g
        GROUP BY month, day, involved, currency, cycle_day HAVING sum(sign) <> 0
        ORDER BY month, day, involved, currency, cycle_day
        ON CONFLICT (month, day, partner_involved, currency, cycle_day, slot)
        DO UPDATE SET won_count = f.won_count + EXCLUDED.won_count
        $sql$, contributions, slot)
$fn$;

CREATE FUNCTION won_cycle_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE won_cycle_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE won_cycle_sql('SELECT 1 AS sign, o.stage, o.created_at, o.closed_at, o.partner_id, o.currency '
        'FROM opportunity o WHERE o.stage = ''CLOSED_WON'' AND o.closed_at IS NOT NULL', 0);
END
$fn$;

CREATE FUNCTION won_cycle_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE won_cycle_sql('SELECT 1 AS sign, stage, created_at, closed_at, partner_id, currency FROM new_rows '
            'WHERE stage = ''CLOSED_WON''', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE won_cycle_sql('SELECT -1 AS sign, stage, created_at, closed_at, partner_id, currency FROM old_rows '
            'WHERE stage = ''CLOSED_WON''', pg_backend_pid() % 8);
    ELSE
        EXECUTE won_cycle_sql('WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.stage = ''CLOSED_WON'' OR o.stage = ''CLOSED_WON'') '
            'AND (n.stage, n.created_at, n.closed_at, n.partner_id IS NULL, n.currency) '
            'IS DISTINCT FROM (o.stage, o.created_at, o.closed_at, o.partner_id IS NULL, o.currency)) '
            'SELECT 1 AS sign, n.stage, n.created_at, n.closed_at, n.partner_id, n.currency FROM new_rows n '
            'WHERE n.stage = ''CLOSED_WON'' AND n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, o.stage, o.created_at, o.closed_at, o.partner_id, o.currency FROM old_rows o '
            'WHERE o.stage = ''CLOSED_WON'' AND o.id IN (SELECT id FROM moved)', pg_backend_pid() % 8);
    END IF;
    DELETE FROM won_cycle_fact WHERE won_count = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER won_cycle_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION won_cycle_on_deals();
CREATE TRIGGER won_cycle_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION won_cycle_on_deals();
CREATE TRIGGER won_cycle_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION won_cycle_on_deals();

SELECT won_cycle_rebuild();
