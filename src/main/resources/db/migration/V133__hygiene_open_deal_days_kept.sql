-- Three counts of the program-wide hygiene report (module hygiene, issue 15) read every open
-- deal through an index on each /hygiene summary (212,000 on the large dataset, 0.5-0.7 s
-- each under load): deals longer in their stage than its norm, deals whose close date has
-- passed and deals missing an amount, a close date or an account. Here are the open deals
-- counted per day, so that the program's counts sum a few thousand rows:
--   kind 'entered': per stage and UTC day of entering it (epoch days,
--                   floor(epoch of stage_entered_at / 86400)); a stale count sums the days
--                   before the norm's cut-off day and counts the deals of that one day from
--                   opportunity_hygiene_stage_idx (exact to the instant);
--   kind 'close':   per close date (days since 1970-01-01; deals without one are not in it);
--   kind 'missing': the deals failing MISSING_FIELDS (day 0), the condition of
--                   opportunity_hygiene_missing_idx.
--
-- Kept by statement triggers on opportunity (created, deleted, or stage, stage entry, close
-- date, amount or account changed), so it commits with the change whatever wrote it. As
-- program_open_stage_fact (V120), a writer adds its delta to one of eight slots (its
-- backend's pid modulo 8) so concurrent deal changes do not wait on one row; readers sum
-- the slots. Skipped while fact_setting is empty (a bulk load); hygiene_open_day_rebuild()
-- recomputes it, and the facts rebuild runs it (DealFacts).

CREATE TABLE hygiene_open_day_fact (
    kind  TEXT     NOT NULL,
    stage TEXT     NOT NULL,
    day   INTEGER  NOT NULL,
    slot  SMALLINT NOT NULL,
    deals BIGINT   NOT NULL,
    PRIMARY KEY (kind, stage, day, slot)
);

-- Adds the open deals of the statement's `d` (sign, stage, stage_entered_at, close_date,
-- amount, account_id) to the slot.
CREATE FUNCTION hygiene_open_day_sql(slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO hygiene_open_day_fact AS f (kind, stage, day, slot, deals)
    SELECT kind, stage, day, %1$s, sum(sign)
    FROM (
        SELECT sign, 'entered' AS kind, stage, CAST(floor(extract(epoch FROM stage_entered_at) / 86400) AS INTEGER) AS day
        FROM d
        UNION ALL
        SELECT sign, 'close', '', close_date - DATE '1970-01-01' FROM d WHERE close_date IS NOT NULL
        UNION ALL
        SELECT sign, 'missing', '', 0 FROM d
        WHERE amount IS NULL OR amount = 0 OR close_date IS NULL OR account_id IS NULL
    ) x
    GROUP BY kind, stage, day
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (kind, stage, day, slot) DO UPDATE SET deals = f.deals + EXCLUDED.deals
    $sql$, slot)
$fn$;

CREATE FUNCTION hygiene_open_day_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE 'WITH d AS (SELECT 1 AS sign, stage, stage_entered_at, close_date, amount, account_id FROM new_rows
                           WHERE stage NOT IN (''CLOSED_WON'', ''CLOSED_LOST''))'
            || hygiene_open_day_sql(pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE 'WITH d AS (SELECT -1 AS sign, stage, stage_entered_at, close_date, amount, account_id FROM old_rows
                           WHERE stage NOT IN (''CLOSED_WON'', ''CLOSED_LOST''))'
            || hygiene_open_day_sql(pg_backend_pid() % 8);
    ELSE
        -- only the deals whose counted columns changed: the old row out, the new row in
        EXECUTE $rows$WITH d AS (
            SELECT s.* FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (1, n.stage, n.stage_entered_at, n.close_date, n.amount, n.account_id),
                                       (-1, o.stage, o.stage_entered_at, o.close_date, o.amount, o.account_id))
                AS s(sign, stage, stage_entered_at, close_date, amount, account_id)
            WHERE (n.stage, n.stage_entered_at, n.close_date, n.amount IS NULL OR n.amount = 0, n.account_id IS NULL)
                  IS DISTINCT FROM (o.stage, o.stage_entered_at, o.close_date, o.amount IS NULL OR o.amount = 0,
                                    o.account_id IS NULL)
              AND s.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST'))$rows$
            || hygiene_open_day_sql(pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER hygiene_open_day_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hygiene_open_day_on_deals();
CREATE TRIGGER hygiene_open_day_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION hygiene_open_day_on_deals();
CREATE TRIGGER hygiene_open_day_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hygiene_open_day_on_deals();

-- Recomputes the table from the open deals (slot 0).
CREATE FUNCTION hygiene_open_day_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE hygiene_open_day_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE 'WITH d AS (SELECT 1 AS sign, stage, stage_entered_at, close_date, amount, account_id FROM opportunity
                       WHERE stage NOT IN (''CLOSED_WON'', ''CLOSED_LOST''))'
        || hygiene_open_day_sql(0);
END
$fn$;

SELECT hygiene_open_day_rebuild();
ANALYZE hygiene_open_day_fact;
