-- The program's enablement completion rate from a few kept rows (issue 15, module facts).
--
-- enablement_program_fact: for the program's partner users with a track role (role PARTNER,
-- job_role set, the role's track has required items), per day, how the count of users
-- holding every required item of their role's track changes that day: +1 on the first day
-- of each range of a user's enablement_held_fact row (V101) for the user's own job role, -1
-- on the day after its last (none while it never ends). The users themselves are counted on
-- the row of day '-infinity' (column users). So, at any day d,
--   holding(d) = sum(held) over the rows of day <= d, users = sum(users),
-- exactly the program slice's numerator and denominator of ENABLEMENT_COMPLETION (count of
-- such users whose held days contain d; count of such users). The read is a sum over a few
-- thousand rows instead of a join of every partner user with its held days.
--
-- Kept by statement triggers on enablement_held_fact (whatever keeps the held days keeps
-- this in the same statement; its TRUNCATE recounts the users, the rows inserted after it
-- add their days) and on app_user (a user added, removed, or whose role, job role or partner
-- changed). As program_day_fact, a writer adds its delta to one of eight slots (its
-- backend's pid modulo 8), so concurrent completions of the same day do not wait on one
-- row; readers sum the slots.

CREATE TABLE enablement_program_fact (
    day   DATE     NOT NULL,
    slot  SMALLINT NOT NULL,
    held  BIGINT   NOT NULL DEFAULT 0,
    users BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (day, slot)
);

-- The statement that adds the contributions of `held_rows` (sign, user_id, role, held: rows
-- of enablement_held_fact, each with the current user) and of `user_rows` (sign, id, role,
-- job_role: rows of app_user, each with the current held days) to the program's rows; either
-- may refer to a trigger's transition tables, so the trigger EXECUTEs it.
CREATE FUNCTION facts_enablement_program_sql(held_rows TEXT, user_rows TEXT, slot INT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
    INSERT INTO enablement_program_fact AS f (day, slot, held, users)
    SELECT day, %3$s, sum(held), sum(users)
    FROM (
        -- held days of an eligible user's own job role: +1 from a range's first day, -1 after it
        SELECT b.day, b.delta * d.sign AS held, 0 AS users
        FROM (SELECT h.sign, h.held
              FROM (%1$s) h JOIN app_user u ON u.id = h.user_id AND u.role = 'PARTNER' AND u.job_role = h.role
              UNION ALL
              SELECT x.sign, h.held
              FROM (%2$s) x JOIN enablement_held_fact h ON h.user_id = x.id AND h.role = x.job_role
              WHERE x.role = 'PARTNER') d
        CROSS JOIN LATERAL unnest(d.held) AS r(range)
        CROSS JOIN LATERAL (VALUES (lower(r.range), 1), (upper(r.range), -1)) AS b(day, delta)
        WHERE b.day IS NOT NULL
        UNION ALL
        -- the users with a track role whose track has required items
        SELECT DATE '-infinity', 0, x.sign
        FROM (%2$s) x
        WHERE x.role = 'PARTNER' AND x.job_role IN (SELECT t.role FROM enablement_item i
                                                   JOIN enablement_track t ON t.id = i.track_id WHERE i.required)
    ) c
    GROUP BY day
    HAVING sum(held) <> 0 OR sum(users) <> 0
    ORDER BY 1
    ON CONFLICT (day, slot) DO UPDATE SET held = f.held + EXCLUDED.held, users = f.users + EXCLUDED.users
    $sql$, held_rows, user_rows, slot)
$fn$;

CREATE FUNCTION facts_enablement_program_recount() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE enablement_program_fact;
    EXECUTE facts_enablement_program_sql('SELECT 1 AS sign, * FROM enablement_held_fact WHERE FALSE',
        'SELECT 1 AS sign, id, role, job_role FROM app_user', 0);
END
$fn$;

CREATE FUNCTION facts_enablement_program_on_held() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    no_users CONSTANT TEXT := 'SELECT 1 AS sign, id, role, job_role FROM app_user WHERE FALSE';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- the required items changed (V101 recounts every user's held days): recount the
        -- users; the held days inserted next add their days
        PERFORM facts_enablement_program_recount();
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE facts_enablement_program_sql('SELECT 1 AS sign, user_id, role, held FROM new_rows', no_users,
            pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE facts_enablement_program_sql('SELECT -1 AS sign, user_id, role, held FROM old_rows', no_users,
            pg_backend_pid() % 8);
    ELSE
        EXECUTE facts_enablement_program_sql('SELECT 1 AS sign, user_id, role, held FROM new_rows '
            'UNION ALL SELECT -1, user_id, role, held FROM old_rows', no_users, pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_enablement_program_held_inserted AFTER INSERT ON enablement_held_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_held();
CREATE TRIGGER facts_enablement_program_held_updated AFTER UPDATE ON enablement_held_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_held();
CREATE TRIGGER facts_enablement_program_held_deleted AFTER DELETE ON enablement_held_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_held();
CREATE TRIGGER facts_enablement_program_held_truncated AFTER TRUNCATE ON enablement_held_fact
    FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_held();

CREATE FUNCTION facts_enablement_program_on_users() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    no_held CONSTANT TEXT := 'SELECT 1 AS sign, user_id, role, held FROM enablement_held_fact WHERE FALSE';
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE facts_enablement_program_sql(no_held,
            'SELECT 1 AS sign, id, role, job_role FROM new_rows WHERE role = ''PARTNER'' AND job_role IS NOT NULL',
            pg_backend_pid() % 8);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE facts_enablement_program_sql(no_held,
            'SELECT -1 AS sign, id, role, job_role FROM old_rows WHERE role = ''PARTNER'' AND job_role IS NOT NULL',
            pg_backend_pid() % 8);
    ELSE
        -- only the users whose role or job role changed (a sign-in updates its user too)
        EXECUTE facts_enablement_program_sql(no_held, $sql$
            SELECT s.sign, s.id, s.role, s.job_role
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            CROSS JOIN LATERAL (VALUES (1, n.id, n.role, n.job_role), (-1, o.id, o.role, o.job_role))
                AS s(sign, id, role, job_role)
            WHERE (n.role, n.job_role) IS DISTINCT FROM (o.role, o.job_role) AND s.job_role IS NOT NULL
            $sql$, pg_backend_pid() % 8);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER facts_enablement_program_users_inserted AFTER INSERT ON app_user
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_users();
CREATE TRIGGER facts_enablement_program_users_updated AFTER UPDATE ON app_user
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_users();
CREATE TRIGGER facts_enablement_program_users_deleted AFTER DELETE ON app_user
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_enablement_program_on_users();

SELECT facts_enablement_program_recount();

-- facts_rebuild (V64, V64_1) also recomputes V101's facts and this one: each partner's latest
-- activity (an index probe per partner) and every user's held days (whose TRUNCATE and
-- INSERT recount enablement_program_fact).
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
        TRUNCATE partner_activity_fact;
        PERFORM facts_activity_refresh(ARRAY(SELECT id FROM partner));
        PERFORM facts_enablement_refresh(NULL);
    END IF;
END
$fn$;
