-- Registration velocity's exact median from a kept histogram (issue 15, module facts).
--
-- REGISTRATION_VELOCITY is the median of (approved_at - submitted_at) in hours over the
-- registrations approved in the period; the program read and sorted every approval of the
-- period (~60,000 in a quarter of the large dataset). Kept here as won_cycle_fact (V128)
-- keeps the sales cycle: registration_decision_fact counts the approved registrations per
-- approval day (business day of approved_at in fact_setting.zone) and per calendar month
-- (month = TRUE, day = the month's first day) and whole decision hour
-- (facts_decision_hour: floor of the time to approval in hours). The reader
-- (metrics.KpiSql.registrationVelocity) finds the hour holding the middle rank(s) from the
-- counts, then reads only that hour's approvals of the period through
-- deal_registration_decision_hour_idx and takes the exact middle value(s) as
-- percentile_cont does.
--
-- Kept by statement triggers on deal_registration (approved registrations inserted or
-- deleted; approval or submission moment changed), in the statement that changed them;
-- statements that change neither return at once. Skipped while fact_setting is empty (a
-- bulk load) and recomputed by registration_decision_rebuild() (DealFacts' rebuild runs
-- it). A writer adds to slot pg_backend_pid() % 8 (the rebuild to slot 0).

CREATE FUNCTION facts_decision_hour(submitted TIMESTAMPTZ, approved TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CAST(floor(extract(epoch FROM approved - submitted) / 3600) AS INTEGER)
$fn$;

CREATE TABLE registration_decision_fact (
    month          BOOLEAN  NOT NULL,
    day            DATE     NOT NULL,
    hour           INTEGER  NOT NULL,
    slot           SMALLINT NOT NULL,
    approved_count BIGINT   NOT NULL,
    PRIMARY KEY (month, day, hour, slot)
);
CREATE INDEX registration_decision_fact_zero_idx ON registration_decision_fact (day) WHERE approved_count = 0;

-- the approvals of one decision hour, by approval moment: the middle hour's approvals of a period
CREATE INDEX deal_registration_decision_hour_idx
    ON deal_registration (facts_decision_hour(submitted_at, approved_at), approved_at) INCLUDE (submitted_at)
    WHERE approved_at IS NOT NULL;

-- a slice's approvals of a period, partner by partner, without reading each registration
-- (its velocity read every registration of each partner in the book)
CREATE INDEX deal_registration_partner_approved_idx ON deal_registration (partner_id, approved_at) INCLUDE (submitted_at)
    WHERE approved_at IS NOT NULL;

-- The statement adding the signed contributions (sign, submitted_at, approved_at) the query
-- text yields to a slot, per day and per month, keys in order.
CREATE FUNCTION registration_decision_sql(contributions TEXT, slot INTEGER) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s),
        d AS (SELECT CAST(c.approved_at AT TIME ZONE s.zone AS DATE) AS day,
                     facts_decision_hour(c.submitted_at, c.approved_at) AS hour, c.sign
              FROM c CROSS JOIN fact_setting s WHERE c.approved_at IS NOT NULL AND c.submitted_at IS NOT NULL),
        g AS (SELECT FALSE AS month, day, hour, sign FROM d
              UNION ALL
              SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), hour, sign FROM d)
        INSERT INTO registration_decision_fact AS f (month, day, hour, slot, approved_count)
        SELECT month, day, hour, %s, sum(sign) FROM g
        GROUP BY month, day, hour HAVING sum(sign) <> 0
        ORDER BY month, day, hour
        ON CONFLICT (month, day, hour, slot)
        DO UPDATE SET approved_count = f.approved_count + EXCLUDED.approved_count
        $sql$, contributions, slot)
$fn$;

CREATE FUNCTION registration_decision_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE registration_decision_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE registration_decision_sql('SELECT 1 AS sign, r.submitted_at, r.approved_at FROM deal_registration r '
        'WHERE r.approved_at IS NOT NULL', 0);
END
$fn$;

CREATE FUNCTION registration_decision_on_registrations() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows WHERE approved_at IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('SELECT 1 AS sign, submitted_at, approved_at FROM new_rows', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows WHERE approved_at IS NOT NULL)
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('SELECT -1 AS sign, submitted_at, approved_at FROM old_rows', pg_backend_pid() % 8);
    ELSE
        IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
                       WHERE (n.approved_at, n.submitted_at) IS DISTINCT FROM (o.approved_at, o.submitted_at))
           OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
            RETURN NULL;
        END IF;
        EXECUTE registration_decision_sql('WITH moved AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id '
            'WHERE (n.approved_at, n.submitted_at) IS DISTINCT FROM (o.approved_at, o.submitted_at)) '
            'SELECT 1 AS sign, n.submitted_at, n.approved_at FROM new_rows n WHERE n.id IN (SELECT id FROM moved) '
            'UNION ALL SELECT -1, o.submitted_at, o.approved_at FROM old_rows o WHERE o.id IN (SELECT id FROM moved)',
            pg_backend_pid() % 8);
    END IF;
    DELETE FROM registration_decision_fact WHERE approved_count = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER registration_decision_inserted AFTER INSERT ON deal_registration
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_decision_on_registrations();
CREATE TRIGGER registration_decision_updated AFTER UPDATE ON deal_registration
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_decision_on_registrations();
CREATE TRIGGER registration_decision_deleted AFTER DELETE ON deal_registration
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_decision_on_registrations();

SELECT registration_decision_rebuild();
