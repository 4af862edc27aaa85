-- Activated partners and the active partner rate from kept counts (issue 15, module facts).
--
-- Both KPIs count the onboarded partners (onboarded before the as-of day, not prospect or
-- sunset) whose latest X lies in a trailing window [as-of - N days, as-of): X a closed-won
-- deal (N = 90, ACTIVATED_PARTNERS) or any activity (N = 30, ACTIVE_PARTNER_RATE). The
-- program read all 40,000 partners and the 90 days' won deals (or each partner's latest
-- activity) per request. Kept here instead:
--
-- partner_recency: per partner, whether it counts today (counted: onboarded_on set, not
--   PROSPECT or SUNSET), its onboarding day, latest activity (partner_activity_fact.last_at)
--   and latest won deal's close moment (max closed_at of its CLOSED_WON deals).
-- partner_recency_fact: those partners counted per measure ('A' activity, 'W' win) and UTC
--   day of the latest (-infinity when none), in eight writer slots (pg_backend_pid() % 8;
--   the rebuild writes slot 0); readers sum the slots.
--
-- The reader (metrics.KpiSql.recency) sums the whole UTC days strictly inside the window
-- from the counts, takes the window's two edge days from partner_recency by its index on
-- the moment, removes the partners onboarded on or after the as-of day (by the onboarding
-- index: today's few for a period still running), and for a partner whose latest is at or
-- after the as-of moment (a past period) reads its events or won deals, as before. Exact.
--
-- Kept by statement triggers on partner (inserted, deleted, lifecycle status or onboarding
-- day changed), partner_activity_fact (whatever keeps it) and opportunity (won deals
-- inserted or deleted; stage, close moment or partner changed while won before or after),
-- each recounting the partners touched (facts_recency_refresh) in the statement that
-- changed them; concurrent recounts of one partner wait for each other (the partner's row
-- locked first, every partner having one) so each counts from what the other committed.
-- Skipped while fact_setting is empty (a bulk load); recomputed by partner_recency_rebuild()
-- (DealFacts' rebuild runs it).

CREATE TABLE partner_recency (
    partner_id   BIGINT  PRIMARY KEY,
    counted      BOOLEAN NOT NULL,
    onboarded_on DATE,
    activity_at  TIMESTAMPTZ,
    win_at       TIMESTAMPTZ
);
CREATE INDEX partner_recency_onboarded_idx ON partner_recency (onboarded_on) WHERE counted;
CREATE INDEX partner_recency_activity_idx ON partner_recency (activity_at) WHERE counted AND activity_at IS NOT NULL;
CREATE INDEX partner_recency_win_idx ON partner_recency (win_at) WHERE counted AND win_at IS NOT NULL;

CREATE TABLE partner_recency_fact (
    measure  CHAR(1)  NOT NULL CHECK (measure IN ('A', 'W')),
    day      DATE     NOT NULL,
    slot     SMALLINT NOT NULL,
    partners BIGINT   NOT NULL,
    PRIMARY KEY (measure, day, slot)
);

-- The UTC day of a moment, -infinity for none.
CREATE FUNCTION facts_utc_day(at TIMESTAMPTZ) RETURNS DATE
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT COALESCE(CAST(at AT TIME ZONE 'UTC' AS DATE), DATE '-infinity')
$fn$;

-- Recounts the given partners: their partner_recency rows from the partner, its latest
-- activity and its latest win, and the counts moved by the difference, in one statement.
CREATE FUNCTION facts_recency_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 OR NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    -- waits for a recount of the same partners in progress; the next statement's snapshot
    -- then holds what it committed
    PERFORM 1 FROM partner_recency r WHERE r.partner_id = ANY (ids) ORDER BY r.partner_id FOR UPDATE;
    WITH touched AS (SELECT DISTINCT u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL),
    old AS (SELECT r.* FROM partner_recency r WHERE r.partner_id IN (SELECT id FROM touched)),
    fresh AS (
        SELECT p.id AS partner_id,
               p.onboarded_on IS NOT NULL AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AS counted,
               p.onboarded_on, a.last_at AS activity_at,
               (SELECT max(o.closed_at) FROM opportunity o WHERE o.partner_id = p.id AND o.stage = 'CLOSED_WON') AS win_at
        FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
        WHERE p.id IN (SELECT id FROM touched)),
    dropped AS (
        DELETE FROM partner_recency r WHERE r.partner_id IN (SELECT id FROM touched)
          AND r.partner_id NOT IN (SELECT partner_id FROM fresh)),
    kept AS (
        INSERT INTO partner_recency AS r (partner_id, counted, onboarded_on, activity_at, win_at)
        SELECT partner_id, counted, onboarded_on, activity_at, win_at FROM fresh ORDER BY partner_id
        ON CONFLICT (partner_id) DO UPDATE
            SET counted = EXCLUDED.counted, onboarded_on = EXCLUDED.onboarded_on, activity_at = EXCLUDED.activity_at,
                win_at = EXCLUDED.win_at
            WHERE (r.counted, r.onboarded_on, r.activity_at, r.win_at)
                  IS DISTINCT FROM (EXCLUDED.counted, EXCLUDED.onboarded_on, EXCLUDED.activity_at, EXCLUDED.win_at)),
    delta AS (
        SELECT v.measure, v.day, sum(x.sign) AS n
        FROM (SELECT 1 AS sign, activity_at, win_at FROM fresh WHERE counted
              UNION ALL SELECT -1, activity_at, win_at FROM old WHERE counted) x
        CROSS JOIN LATERAL (VALUES ('A', facts_utc_day(x.activity_at)), ('W', facts_utc_day(x.win_at))) AS v(measure, day)
        GROUP BY v.measure, v.day HAVING sum(x.sign) <> 0)
    INSERT INTO partner_recency_fact AS f (measure, day, slot, partners)
    SELECT measure, day, pg_backend_pid() % 8, n FROM delta ORDER BY measure, day
    ON CONFLICT (measure, day, slot) DO UPDATE SET partners = f.partners + EXCLUDED.partners;
END
$fn$;

CREATE FUNCTION partner_recency_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_recency, partner_recency_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    INSERT INTO partner_recency (partner_id, counted, onboarded_on, activity_at, win_at)
    SELECT p.id, p.onboarded_on IS NOT NULL AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET'), p.onboarded_on,
           a.last_at, w.win_at
    FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
    LEFT JOIN (SELECT o.partner_id, max(o.closed_at) AS win_at FROM opportunity o
               WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL GROUP BY o.partner_id) w ON w.partner_id = p.id
    ORDER BY p.id;
    INSERT INTO partner_recency_fact (measure, day, slot, partners)
    SELECT v.measure, v.day, 0, count(*)
    FROM partner_recency r
    CROSS JOIN LATERAL (VALUES ('A', facts_utc_day(r.activity_at)), ('W', facts_utc_day(r.win_at))) AS v(measure, day)
    WHERE r.counted
    GROUP BY v.measure, v.day ORDER BY v.measure, v.day;
END
$fn$;

CREATE FUNCTION facts_recency_on_partners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT id FROM old_rows));
    ELSE
        PERFORM facts_recency_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.lifecycle_status, n.onboarded_on) IS DISTINCT FROM (o.lifecycle_status, o.onboarded_on)));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_recency_partners_inserted AFTER INSERT ON partner
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_partners();
CREATE TRIGGER facts_recency_partners_updated AFTER UPDATE ON partner
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_partners();
CREATE TRIGGER facts_recency_partners_deleted AFTER DELETE ON partner
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_partners();

CREATE FUNCTION facts_recency_on_activity() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT partner_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT partner_id FROM old_rows));
    ELSE
        -- a partner whose latest activity did not move nets to no change
        PERFORM facts_recency_refresh(ARRAY(SELECT partner_id FROM new_rows UNION SELECT partner_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_recency_activity_inserted AFTER INSERT ON partner_activity_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_activity();
CREATE TRIGGER facts_recency_activity_updated AFTER UPDATE ON partner_activity_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_activity();
CREATE TRIGGER facts_recency_activity_deleted AFTER DELETE ON partner_activity_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_activity();

-- the activity facts emptied (their events truncated): no partner has a latest activity
CREATE FUNCTION facts_recency_on_activity_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE partner_recency, partner_recency_fact IN SHARE ROW EXCLUSIVE MODE;
    UPDATE partner_recency SET activity_at = NULL WHERE activity_at IS NOT NULL;
    DELETE FROM partner_recency_fact WHERE measure = 'A';
    INSERT INTO partner_recency_fact (measure, day, slot, partners)
    SELECT 'A', DATE '-infinity', 0, count(*) FROM partner_recency WHERE counted HAVING count(*) > 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_recency_activity_truncated AFTER TRUNCATE ON partner_activity_fact
    FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_activity_truncated();

CREATE FUNCTION facts_recency_on_deals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT DISTINCT partner_id FROM new_rows
                                            WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_recency_refresh(ARRAY(SELECT DISTINCT partner_id FROM old_rows
                                            WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL));
    ELSE
        PERFORM facts_recency_refresh(ARRAY(
            SELECT DISTINCT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (n.partner_id), (o.partner_id)) AS p(id)
            WHERE (n.stage = 'CLOSED_WON' OR o.stage = 'CLOSED_WON') AND p.id IS NOT NULL
              AND (n.stage, n.closed_at, n.partner_id) IS DISTINCT FROM (o.stage, o.closed_at, o.partner_id)));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_recency_deals_inserted AFTER INSERT ON opportunity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_deals();
CREATE TRIGGER facts_recency_deals_updated AFTER UPDATE ON opportunity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_deals();
CREATE TRIGGER facts_recency_deals_deleted AFTER DELETE ON opportunity
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_recency_on_deals();

SELECT partner_recency_rebuild();
