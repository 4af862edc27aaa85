-- The book of scores (/scores, module scoring, branch sc41) named and rendered every drift alert in
-- force on each request (50,000 on a program of 40,000 partners). It now shows a page of them with
-- their total (IntelligencePages). Counting them from the drifts and alerts hashed every alert
-- (about 0.5 s on 100,000 alerts, 2 shared cores), and walking the alerts in the list's order
-- probed two indexes for each alert passed over (seconds for a page 1,000 pages in). The alerts in
-- force are kept instead:
--
-- score_drift_in_force: one row per partner and score whose drift state (score_drift) is building
-- or stalling and that has an alert of that state (score_drift_alert), naming its latest such
-- alert (by raised_at, then week_start) with the alert's state and steepness (the slope's absolute
-- value): the alert that IntelligenceStore.currentAlerts picks. The list's order (stalling first,
-- the steepest first, then partner id and score) is an index of it that holds the alert's id too,
-- so a page of any depth reads that index alone; a count is one scan of the table.
--
-- Kept by statement triggers with transition tables on score_drift (INSERT, UPDATE of the state,
-- DELETE) and score_drift_alert (INSERT, UPDATE, DELETE); TRUNCATE of either rebuilds it. Each
-- refreshes the keys (partner, score) its statement touched (score_drift_in_force_refresh): it
-- first locks their drift rows in key order (the daily run writes them under its advisory lock;
-- two other writers of one key wait for each other), then recomputes them in a new statement,
-- whose snapshot (READ COMMITTED) sees what it waited for. score_drift_in_force_rebuild()
-- recomputes the whole table (the upgrade, and a repair).

CREATE TABLE score_drift_in_force (
    partner_id BIGINT        NOT NULL,
    pillar     TEXT          NOT NULL,
    alert_id   BIGINT        NOT NULL,
    state      TEXT          NOT NULL,
    steepness  NUMERIC(7, 2) NOT NULL,
    PRIMARY KEY (partner_id, pillar)
);

-- Recomputes the alerts in force of some (partner, pillar) keys (the arrays' n-th elements make a
-- key; keys may repeat).
CREATE FUNCTION score_drift_in_force_refresh(partners BIGINT[], pillars TEXT[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1 FROM score_drift d
    JOIN (SELECT DISTINCT * FROM unnest(partners, pillars)) AS k (partner_id, pillar)
      ON d.partner_id = k.partner_id AND d.pillar = k.pillar
    ORDER BY d.partner_id, d.pillar
    FOR NO KEY UPDATE OF d;

    WITH k AS (
        SELECT DISTINCT * FROM unnest(partners, pillars) AS k (partner_id, pillar)
    ), now AS MATERIALIZED (
        SELECT DISTINCT ON (a.partner_id, a.pillar) a.partner_id, a.pillar, a.id, a.state, abs(a.slope) AS steepness
        FROM k
        JOIN score_drift d ON d.partner_id = k.partner_id AND d.pillar = k.pillar
        JOIN score_drift_alert a ON a.partner_id = d.partner_id AND a.pillar = d.pillar AND a.state = d.state
        WHERE d.state IN ('BUILDING', 'STALLING')
        ORDER BY a.partner_id, a.pillar, a.raised_at DESC, a.week_start DESC
    ), gone AS (
        DELETE FROM score_drift_in_force f USING k
        WHERE f.partner_id = k.partner_id AND f.pillar = k.pillar
          AND NOT EXISTS (SELECT 1 FROM now n WHERE n.partner_id = f.partner_id AND n.pillar = f.pillar)
    )
    INSERT INTO score_drift_in_force AS f (partner_id, pillar, alert_id, state, steepness)
    SELECT partner_id, pillar, id, state, steepness FROM now ORDER BY partner_id, pillar
    ON CONFLICT (partner_id, pillar) DO UPDATE
    SET alert_id = excluded.alert_id, state = excluded.state, steepness = excluded.steepness
    WHERE (f.alert_id, f.state, f.steepness) IS DISTINCT FROM (excluded.alert_id, excluded.state, excluded.steepness);
END
$fn$;

-- Recomputes every alert in force (the upgrade, and a repair); writers of drifts and alerts wait
-- meanwhile.
CREATE FUNCTION score_drift_in_force_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE score_drift, score_drift_alert IN SHARE MODE;
    DELETE FROM score_drift_in_force;
    INSERT INTO score_drift_in_force (partner_id, pillar, alert_id, state, steepness)
    SELECT DISTINCT ON (a.partner_id, a.pillar) a.partner_id, a.pillar, a.id, a.state, abs(a.slope)
    FROM score_drift d
    JOIN score_drift_alert a ON a.partner_id = d.partner_id AND a.pillar = d.pillar AND a.state = d.state
    WHERE d.state IN ('BUILDING', 'STALLING')
    ORDER BY a.partner_id, a.pillar, a.raised_at DESC, a.week_start DESC;
END
$fn$;

-- A statement on score_drift or score_drift_alert: the keys it touched refreshed (an update of
-- score_drift only where the state changed: the daily run rewrites every drift's slope and reason).
CREATE FUNCTION score_drift_in_force_on_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    partners BIGINT[];
    pillars  TEXT[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM score_drift_in_force_rebuild();
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(partner_id), array_agg(pillar) INTO partners, pillars FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(partner_id), array_agg(pillar) INTO partners, pillars FROM old_rows;
    ELSIF TG_TABLE_NAME = 'score_drift' THEN
        SELECT array_agg(k.partner_id), array_agg(k.pillar) INTO partners, pillars
        FROM (SELECT coalesce(n.partner_id, o.partner_id) AS partner_id, coalesce(n.pillar, o.pillar) AS pillar
              FROM new_rows n FULL JOIN old_rows o ON o.partner_id = n.partner_id AND o.pillar = n.pillar
              WHERE n.partner_id IS NULL OR o.partner_id IS NULL OR n.state IS DISTINCT FROM o.state) k;
    ELSE
        SELECT array_agg(partner_id), array_agg(pillar) INTO partners, pillars
        FROM (SELECT partner_id, pillar FROM new_rows UNION SELECT partner_id, pillar FROM old_rows) k;
    END IF;
    IF partners IS NOT NULL THEN
        PERFORM score_drift_in_force_refresh(partners, pillars);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER score_drift_in_force_insert AFTER INSERT ON score_drift
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_update AFTER UPDATE ON score_drift
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_delete AFTER DELETE ON score_drift
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_truncate AFTER TRUNCATE ON score_drift
    FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_alert_insert AFTER INSERT ON score_drift_alert
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_alert_update AFTER UPDATE ON score_drift_alert
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_alert_delete AFTER DELETE ON score_drift_alert
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();
CREATE TRIGGER score_drift_in_force_alert_truncate AFTER TRUNCATE ON score_drift_alert
    FOR EACH STATEMENT EXECUTE FUNCTION score_drift_in_force_on_write();

SELECT score_drift_in_force_rebuild();

-- The drift list's order: stalling before building (text order; the only two states kept), the
-- steepest first, then partner id and score; with the alert's id, so a page is an index-only scan
-- of its first rows (or of the rows up to its offset).
CREATE INDEX score_drift_in_force_order_idx ON score_drift_in_force (state DESC, steepness DESC, partner_id, pillar)
    INCLUDE (alert_id);

-- Index-only scans need the visibility map: vacuumed soon after a day's changes, not once a fifth
-- of the table has changed.
ALTER TABLE score_drift_in_force
    SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
