-- Reporting facts for the KPIs that still read their base tables (issue 15, module facts).
--
-- 1. program_day_fact: partner_day_fact summed over partners, per business day, partner
--    involvement, credit type and currency, kept from partner_day_fact by statement
--    triggers on it (its INSERT ... ON CONFLICT, DELETE and TRUNCATE), so whatever keeps
--    the partner facts keeps this one in the same statement. The program-wide KPIs read a
--    few thousand rows a quarter instead of every partner-day. A writer adds its delta to
--    one of eight slots (its backend's pid modulo 8): concurrent transactions of the same
--    day and currency do not wait on one row; readers sum the slots.
-- 2. partner_activity_fact: each partner's latest activity_event, kept by statement
--    triggers on activity_event. "Any activity in [t - 30 days, t)" is then read from it
--    alone when the latest activity is before t; otherwise (a period in the past) from the
--    events themselves, as before.
-- 3. enablement_held_fact: per partner user and track role, the days on which the user
--    held every required item of that role's track (a date multirange: a completion holds
--    its item from the day after completed_on to expires_on), kept by triggers on
--    enablement_completion (its users) and on enablement_item / enablement_track (all
--    users: rare admin changes). The completion rate at any day d is then a lookup
--    `held @> d`, exactly as the count of distinct items held at d.

CREATE TABLE program_day_fact (
    day               DATE     NOT NULL,
    partner_involved  BOOLEAN  NOT NULL,
    credit_type       TEXT     NOT NULL,
    currency          CHAR(3)  NOT NULL,
    slot              SMALLINT NOT NULL,
    created_count     BIGINT   NOT NULL DEFAULT 0,
    created_amount    NUMERIC  NOT NULL DEFAULT 0,
    created_reporting NUMERIC  NOT NULL DEFAULT 0,
    won_count         BIGINT   NOT NULL DEFAULT 0,
    won_amount        NUMERIC  NOT NULL DEFAULT 0,
    won_reporting     NUMERIC  NOT NULL DEFAULT 0,
    lost_count        BIGINT   NOT NULL DEFAULT 0,
    lost_amount       NUMERIC  NOT NULL DEFAULT 0,
    lost_reporting    NUMERIC  NOT NULL DEFAULT 0,
    won_cycle_days    NUMERIC  NOT NULL DEFAULT 0,
    lost_cycle_days   NUMERIC  NOT NULL DEFAULT 0,
    stage_moves       BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (day, partner_involved, credit_type, currency, slot)
);

-- The statement that adds the rows of `rows` (sign, then partner_day_fact's columns) to the
-- program facts; it may refer to a trigger's transition tables, so the trigger EXECUTEs it.
CREATE FUNCTION facts_program_sql(rows TEXT, slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO program_day_fact AS f (day, partner_involved, credit_type, currency, slot, created_count, created_amount,
        created_reporting, won_count, won_amount, won_reporting, lost_count, lost_amount, lost_reporting,
        won_cycle_days, lost_cycle_days, stage_moves)
    SELECT day, partner_id <> 0, credit_type, currency, %2$s, sum(sign * created_count), sum(sign * created_amount),
           sum(sign * created_reporting), sum(sign * won_count), sum(sign * won_amount), sum(sign * won_reporting),
           sum(sign * lost_count), sum(sign * lost_amount), sum(sign * lost_reporting), sum(sign * won_cycle_days),
           sum(sign * lost_cycle_days), sum(sign * stage_moves)
    FROM (%1$s) d
    GROUP BY day, partner_id <> 0, credit_type, currency
    HAVING sum(sign * created_count) <> 0 OR sum(sign * created_amount) <> 0 OR sum(sign * created_reporting) <> 0
        OR sum(sign * won_count) <> 0 OR sum(sign * won_amount) <> 0 OR sum(sign * won_reporting) <> 0
        OR sum(sign * lost_count) <> 0 OR sum(sign * lost_amount) <> 0 OR sum(sign * lost_reporting) <> 0
        OR sum(sign * won_cycle_days) <> 0 OR sum(sign * lost_cycle_days) <> 0 OR sum(sign * stage_moves) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, partner_involved, credit_type, currency, slot) DO UPDATE SET
        created_count = f.created_count + EXCLUDED.created_count, created_amount = f.created_amount + EXCLUDED.created_amount,
        created_reporting = f.created_reporting + EXCLUDED.created_reporting, won_count = f.won_count + EXCLUDED.won_count,
        won_amount = f.won_amount + EXCLUDED.won_amount, won_reporting = f.won_reporting + EXCLUDED.won_reporting,
        lost_count = f.lost_count + EXCLUDED.lost_count, lost_amount = f.lost_amount + EXCLUDED.lost_amount,
        lost_reporting = f.lost_reporting + EXCLUDED.lost_reporting,
        won_cycle_days = f.won_cycle_days + EXCLUDED.won_cycle_days,
        lost_cycle_days = f.lost_cycle_days + EXCLUDED.lost_cycle_days, stage_moves = f.stage_moves + EXCLUDED.stage_moves
    $sql$, rows, slot)
$fn$;

CREATE FUNCTION facts_program_on_partner_days() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE program_day_fact;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE facts_program_sql('SELECT 1 AS sign, * FROM new_rows', pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE facts_program_sql('SELECT -1 AS sign, * FROM old_rows', pg_backend_pid() % 8);
    ELSE
        EXECUTE facts_program_sql('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows',
            pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_program_partner_days_inserted AFTER INSERT ON partner_day_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_partner_days();
CREATE TRIGGER facts_program_partner_days_updated AFTER UPDATE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_partner_days();
CREATE TRIGGER facts_program_partner_days_deleted AFTER DELETE ON partner_day_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_partner_days();
CREATE TRIGGER facts_program_partner_days_truncated AFTER TRUNCATE ON partner_day_fact
    FOR EACH STATEMENT EXECUTE FUNCTION facts_program_on_partner_days();

DO $do$ BEGIN EXECUTE facts_program_sql('SELECT 1 AS sign, * FROM partner_day_fact', 0); END $do$;

-- Each partner's latest activity.
CREATE TABLE partner_activity_fact (
    partner_id BIGINT      PRIMARY KEY,
    last_at    TIMESTAMPTZ NOT NULL
);

-- Sets the latest activity of the given partners from their events (index probes).
CREATE FUNCTION facts_activity_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    DELETE FROM partner_activity_fact WHERE partner_id = ANY (ids);
    INSERT INTO partner_activity_fact (partner_id, last_at)
    SELECT l.partner_id, l.last_at
    FROM unnest(ids) AS i(id)
    CROSS JOIN LATERAL (SELECT e.partner_id, e.occurred_at AS last_at FROM activity_event e WHERE e.partner_id = i.id
                        ORDER BY e.occurred_at DESC LIMIT 1) l
    ORDER BY 1
    ON CONFLICT (partner_id) DO NOTHING;
END
$fn$;

CREATE FUNCTION facts_on_activity() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO partner_activity_fact AS f (partner_id, last_at)
        SELECT partner_id, max(occurred_at) FROM new_rows GROUP BY partner_id ORDER BY partner_id
        ON CONFLICT (partner_id) DO UPDATE SET last_at = EXCLUDED.last_at WHERE f.last_at < EXCLUDED.last_at;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_activity_refresh(ARRAY(SELECT DISTINCT partner_id FROM old_rows));
    ELSE
        PERFORM facts_activity_refresh(ARRAY(SELECT partner_id FROM old_rows UNION SELECT partner_id FROM new_rows));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_activity_inserted AFTER INSERT ON activity_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE TRIGGER facts_activity_updated AFTER UPDATE ON activity_event
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE TRIGGER facts_activity_deleted AFTER DELETE ON activity_event
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE FUNCTION facts_activity_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE partner_activity_fact;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER facts_activity_truncated AFTER TRUNCATE ON activity_event
    FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_on_truncate();

SELECT facts_activity_refresh(ARRAY(SELECT id FROM partner));

-- Per partner user and track role, the days on which every required item of the role's
-- track was held.
CREATE TABLE enablement_held_fact (
    user_id BIGINT NOT NULL,
    role    TEXT   NOT NULL,
    held    DATEMULTIRANGE NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- Recomputes the given users' rows (all users when ids is null).
CREATE FUNCTION facts_enablement_refresh(ids BIGINT[]) RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    IF ids IS NULL THEN
        TRUNCATE enablement_held_fact;
    ELSE
        DELETE FROM enablement_held_fact WHERE user_id = ANY (ids);
    END IF;
    INSERT INTO enablement_held_fact (user_id, role, held)
    WITH required AS (
        SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
        WHERE i.required GROUP BY t.role),
    per_item AS (
        SELECT c.user_id, t.role, c.item_id,
               range_agg(daterange(c.completed_on + 1, c.expires_on + 1)) AS held
        FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id AND i.required
        JOIN enablement_track t ON t.id = i.track_id
        WHERE (ids IS NULL OR c.user_id = ANY (ids)) AND (c.expires_on IS NULL OR c.expires_on > c.completed_on)
        GROUP BY c.user_id, t.role, c.item_id)
    SELECT pi.user_id, pi.role, range_intersect_agg(pi.held)
    FROM per_item pi JOIN required r ON r.role = pi.role
    GROUP BY pi.user_id, pi.role, r.n
    HAVING count(*) = r.n
    ORDER BY 1, 2;
END
$fn$;

CREATE FUNCTION facts_on_completions() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM facts_enablement_refresh(ARRAY(SELECT DISTINCT user_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM facts_enablement_refresh(ARRAY(SELECT DISTINCT user_id FROM old_rows));
    ELSE
        PERFORM facts_enablement_refresh(ARRAY(SELECT user_id FROM old_rows UNION SELECT user_id FROM new_rows));
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_completions_inserted AFTER INSERT ON enablement_completion
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_completions();
CREATE TRIGGER facts_completions_updated AFTER UPDATE ON enablement_completion
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_completions();
CREATE TRIGGER facts_completions_deleted AFTER DELETE ON enablement_completion
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_completions();

-- A track's items or roles changed (an admin's edit): every user's rows again.
CREATE FUNCTION facts_on_enablement_items() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM facts_enablement_refresh(NULL);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_enablement_items_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enablement_item
    FOR EACH STATEMENT EXECUTE FUNCTION facts_on_enablement_items();
CREATE TRIGGER facts_enablement_tracks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enablement_track
    FOR EACH STATEMENT EXECUTE FUNCTION facts_on_enablement_items();
CREATE FUNCTION facts_enablement_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE enablement_held_fact;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER facts_completions_truncated AFTER TRUNCATE ON enablement_completion
    FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_on_truncate();

SELECT facts_enablement_refresh(NULL);

-- The sales cycle's exact median reads the period's won deals only, from the index alone.
CREATE INDEX opportunity_won_cycle_idx ON opportunity (closed_at)
    INCLUDE (partner_id, created_at, currency) WHERE stage = 'CLOSED_WON';
