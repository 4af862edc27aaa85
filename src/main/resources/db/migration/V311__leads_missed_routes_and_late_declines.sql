-- A rep's follow-up record survives routing and declining (module leads, fix82).
--
-- Before, routing a lead again rewrote its rep, routing time and deadline: a miss (a lead past its
-- deadline without a follow-up) moved to the next rep with a fresh deadline, and a lead declined
-- without a follow-up counted for nothing, also when declined after its deadline. Now:
--
-- * a lead followed up is not routed again (refused by the application), and a lead handed to
--   another rep after its deadline passed without a follow-up keeps that route here, counted for
--   the earlier rep as received and follow-up due, not in time (as a lead declined after its
--   deadline without a follow-up);
-- * "followed" in lead_rep_fact (the follow-ups settled: due whatever the moment it is read at)
--   counts a lead followed up (also one declined later: its follow-up stays the rep's) or declined
--   after its deadline without a follow-up; "in time" a lead followed up by its deadline, declined
--   or not. A lead declined before its deadline without a follow-up still counts only as received.
--
-- The contributions now carry decided_at; the missed routes contribute as leads declined at the
-- moment they were routed away (status 'DECLINED', no follow-up, decided_at = ended_at).

CREATE TABLE partner_lead_missed_route (
    id                BIGSERIAL PRIMARY KEY,
    lead_id           BIGINT      NOT NULL REFERENCES partner_lead (id) ON DELETE CASCADE,
    rep_id            BIGINT      NOT NULL REFERENCES app_user (id),
    routed_at         TIMESTAMPTZ NOT NULL,
    follow_up_due_at  TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ NOT NULL,
    CHECK (ended_at > follow_up_due_at)
);
CREATE INDEX partner_lead_missed_route_rep_idx ON partner_lead_missed_route (rep_id, routed_at);
CREATE INDEX partner_lead_missed_route_lead_idx ON partner_lead_missed_route (lead_id);

-- the statement adding the signed leads (sign, rep_id, routed_at, status, first_follow_up_at,
-- follow_up_due_at, decided_at) the query text yields, per day and per month, keys in order
CREATE OR REPLACE FUNCTION leads_rep_fact_sql(contributions TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH c AS (%s),
        d AS (SELECT CAST(c.routed_at AT TIME ZONE s.zone AS DATE) AS day, c.rep_id, c.sign,
                     CASE WHEN c.status = 'ACCEPTED' THEN c.sign ELSE 0 END AS accepted,
                     CASE WHEN c.first_follow_up_at IS NOT NULL
                            OR c.status = 'DECLINED' AND c.decided_at > c.follow_up_due_at THEN c.sign ELSE 0 END
                       AS followed,
                     CASE WHEN c.first_follow_up_at <= c.follow_up_due_at THEN c.sign ELSE 0 END AS in_time
              FROM c CROSS JOIN fact_setting s WHERE c.rep_id IS NOT NULL AND c.routed_at IS NOT NULL),
        g AS (SELECT FALSE AS month, day, rep_id, sign, accepted, followed, in_time FROM d
              UNION ALL
              SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), rep_id, sign, accepted, followed, in_time
              FROM d)
        INSERT INTO lead_rep_fact AS f (month, day, rep_id, received, accepted, followed, in_time)
        SELECT month, day, rep_id, sum(sign), sum(accepted), sum(followed), sum(in_time) FROM g
        GROUP BY month, day, rep_id
        HAVING sum(sign) <> 0 OR sum(accepted) <> 0 OR sum(followed) <> 0 OR sum(in_time) <> 0
        ORDER BY month, day, rep_id
        ON CONFLICT (month, day, rep_id)
        DO UPDATE SET received = f.received + EXCLUDED.received, accepted = f.accepted + EXCLUDED.accepted,
                      followed = f.followed + EXCLUDED.followed, in_time = f.in_time + EXCLUDED.in_time
        $sql$, contributions)
$fn$;

CREATE OR REPLACE FUNCTION leads_rep_fact_rebuild() RETURNS VOID
LANGUAGE plpgsql AS $fn$
BEGIN
    LOCK TABLE partner_lead IN SHARE MODE;
    LOCK TABLE partner_lead_missed_route IN SHARE MODE;
    TRUNCATE lead_rep_fact;
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN;
    END IF;
    EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, '
        'decided_at FROM partner_lead UNION ALL '
        'SELECT 1, rep_id, routed_at, ''DECLINED'', NULL, follow_up_due_at, ended_at FROM partner_lead_missed_route');
END
$fn$;

CREATE OR REPLACE FUNCTION leads_rep_fact_on_leads() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, '
            'decided_at FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE leads_rep_fact_sql('SELECT -1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, '
            'decided_at FROM old_rows');
    ELSE
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, '
            'decided_at FROM new_rows UNION ALL '
            'SELECT -1, rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, decided_at FROM old_rows');
    END IF;
    DELETE FROM lead_rep_fact
    WHERE received = 0 AND accepted = 0 AND followed = 0 AND in_time = 0;
    RETURN NULL;
END
$fn$;

-- a missed route counts as a lead declined when it was routed away, without a follow-up
CREATE FUNCTION leads_rep_fact_on_missed_routes() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fact_setting) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, ''DECLINED'' AS status, '
            'CAST(NULL AS TIMESTAMPTZ) AS first_follow_up_at, follow_up_due_at, ended_at AS decided_at FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE leads_rep_fact_sql('SELECT -1 AS sign, rep_id, routed_at, ''DECLINED'' AS status, '
            'CAST(NULL AS TIMESTAMPTZ) AS first_follow_up_at, follow_up_due_at, ended_at AS decided_at FROM old_rows');
    ELSE
        EXECUTE leads_rep_fact_sql('SELECT 1 AS sign, rep_id, routed_at, ''DECLINED'' AS status, '
            'CAST(NULL AS TIMESTAMPTZ) AS first_follow_up_at, follow_up_due_at, ended_at AS decided_at FROM new_rows '
            'UNION ALL SELECT -1, rep_id, routed_at, ''DECLINED'', NULL, follow_up_due_at, ended_at FROM old_rows');
    END IF;
    DELETE FROM lead_rep_fact
    WHERE received = 0 AND accepted = 0 AND followed = 0 AND in_time = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER leads_rep_fact_missed_inserted AFTER INSERT ON partner_lead_missed_route
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_missed_routes();
CREATE TRIGGER leads_rep_fact_missed_deleted AFTER DELETE ON partner_lead_missed_route
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leads_rep_fact_on_missed_routes();
CREATE TRIGGER leads_rep_fact_missed_updated AFTER UPDATE ON partner_lead_missed_route
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION leads_rep_fact_on_missed_routes();

-- the figures read from every lead of a period now read decided_at too
DROP INDEX partner_lead_rep_figures_idx;
CREATE INDEX partner_lead_rep_figures_idx ON partner_lead (rep_id, routed_at)
    INCLUDE (status, first_follow_up_at, follow_up_due_at, decided_at);

SELECT leads_rep_fact_rebuild();
ANALYZE lead_rep_fact;
