-- The ROI page's AE pull-through (module roi, issue 15) grouped, per request, one kept row per
-- partner and inviting user of the quarter (roi_invite_fact, V157) and joined each to its user's
-- role to count the partner's distinct reps: ~400 ms for the program on the large data, to show
-- 200 partners. Those counts are kept per quarter and partner instead:
--
-- roi_invite_partner_fact: per fiscal quarter (its first day) and partner, over the partner's
-- rows of roi_invite_fact whose user is a rep now (AE, sales manager): the co-sell requests, the
-- attachments by hand, their sum (invites) and how many such users (reps). A partner without
-- such a row has none. Kept by a statement trigger on roi_invite_fact (rows inserted, deleted
-- or updated: each row's counts and one rep added or taken away, for users who are reps; a
-- TRUNCATE empties it) and by a row trigger on app_user when a user becomes or stops being a rep
-- (the user's rows added or taken away) or is deleted. The invitation trigger takes a share lock
-- on the users it counts, so a role change waits for it (and it for the role change) and neither
-- counts against a role the other is changing. roi_invite_fact_rebuild() (V157) deletes and
-- inserts every row of roi_invite_fact, which these triggers follow.
--
-- The program's 200 most widely invited partners of a quarter are read from the first entries
-- of roi_invite_partner_fact_order_idx.

CREATE TABLE roi_invite_partner_fact (
    quarter     DATE   NOT NULL,
    partner_id  BIGINT NOT NULL,
    requests    BIGINT NOT NULL,
    attachments BIGINT NOT NULL,
    invites     BIGINT NOT NULL,
    reps        BIGINT NOT NULL,
    PRIMARY KEY (quarter, partner_id)
);
-- the pull-through's order within a quarter
CREATE INDEX roi_invite_partner_fact_order_idx ON roi_invite_partner_fact (quarter, reps DESC, invites DESC, partner_id)
    INCLUDE (requests, attachments);
-- one partner's quarters (a PAM's book, a partner user)
CREATE INDEX roi_invite_partner_fact_partner_idx ON roi_invite_partner_fact (partner_id, quarter);
-- the rows left without reps, which the triggers remove after each change
CREATE INDEX roi_invite_partner_fact_empty_idx ON roi_invite_partner_fact (quarter) WHERE reps = 0;

-- The statement that adds the signed rows of roi_invite_fact the query text yields (columns:
-- sign, quarter, partner_id, rep_id, requests, attachments) to their partners' counts, for the
-- users who are reps now; keys in order. Rows whose counts reach zero are removed after it.
CREATE FUNCTION roi_invite_partner_fact_sql(rows TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
        WITH r AS (%s)
        INSERT INTO roi_invite_partner_fact AS f (quarter, partner_id, requests, attachments, invites, reps)
        SELECT r.quarter, r.partner_id, sum(r.sign * r.requests), sum(r.sign * r.attachments),
               sum(r.sign * (r.requests + r.attachments)), sum(r.sign)
        FROM r JOIN app_user u ON u.id = r.rep_id AND u.role IN ('AE', 'SALES_MANAGER')
        GROUP BY 1, 2
        HAVING sum(r.sign) <> 0 OR sum(r.sign * r.requests) <> 0 OR sum(r.sign * r.attachments) <> 0
        ORDER BY 1, 2
        ON CONFLICT (quarter, partner_id) DO UPDATE SET
            requests = f.requests + EXCLUDED.requests, attachments = f.attachments + EXCLUDED.attachments,
            invites = f.invites + EXCLUDED.invites, reps = f.reps + EXCLUDED.reps
        $sql$, rows)
$fn$;

CREATE FUNCTION roi_invite_partner_fact_on_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    part CONSTANT TEXT := 'SELECT %s AS sign, quarter, partner_id, rep_id, requests, attachments FROM %s';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM roi_invite_partner_fact;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM app_user WHERE id IN (SELECT rep_id FROM new_rows) ORDER BY id FOR SHARE;
        EXECUTE roi_invite_partner_fact_sql(format(part, 1, 'new_rows'));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM app_user WHERE id IN (SELECT rep_id FROM old_rows) ORDER BY id FOR SHARE;
        EXECUTE roi_invite_partner_fact_sql(format(part, -1, 'old_rows'));
    ELSE
        PERFORM 1 FROM app_user WHERE id IN (SELECT rep_id FROM new_rows UNION SELECT rep_id FROM old_rows)
            ORDER BY id FOR SHARE;
        EXECUTE roi_invite_partner_fact_sql(format(part, 1, 'new_rows') || ' UNION ALL '
            || format(part, -1, 'old_rows'));
    END IF;
    DELETE FROM roi_invite_partner_fact WHERE reps = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_invite_partner_fact_inserted AFTER INSERT ON roi_invite_fact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_partner_fact_on_change();
CREATE TRIGGER roi_invite_partner_fact_updated AFTER UPDATE ON roi_invite_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_partner_fact_on_change();
CREATE TRIGGER roi_invite_partner_fact_deleted AFTER DELETE ON roi_invite_fact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_partner_fact_on_change();
CREATE TRIGGER roi_invite_partner_fact_truncated AFTER TRUNCATE ON roi_invite_fact
    FOR EACH STATEMENT EXECUTE FUNCTION roi_invite_partner_fact_on_change();

-- A user who becomes a rep brings its rows of roi_invite_fact into its partners' counts; one who
-- stops being a rep, or is deleted, takes them away.
CREATE FUNCTION roi_invite_partner_fact_on_role() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    rep_before CONSTANT BOOLEAN := OLD.role IN ('AE', 'SALES_MANAGER');
    rep_after CONSTANT BOOLEAN := TG_OP = 'UPDATE' AND NEW.role IN ('AE', 'SALES_MANAGER');
    delta CONSTANT BIGINT := CASE WHEN rep_after THEN 1 ELSE -1 END;
BEGIN
    IF rep_before = rep_after THEN
        RETURN NULL;
    END IF;
    INSERT INTO roi_invite_partner_fact AS f (quarter, partner_id, requests, attachments, invites, reps)
    SELECT i.quarter, i.partner_id, sum(delta * i.requests), sum(delta * i.attachments),
           sum(delta * (i.requests + i.attachments)), sum(delta)
    FROM roi_invite_fact i WHERE i.rep_id = OLD.id
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (quarter, partner_id) DO UPDATE SET
        requests = f.requests + EXCLUDED.requests, attachments = f.attachments + EXCLUDED.attachments,
        invites = f.invites + EXCLUDED.invites, reps = f.reps + EXCLUDED.reps;
    DELETE FROM roi_invite_partner_fact WHERE reps = 0;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER roi_invite_partner_fact_role_changed AFTER UPDATE OF role ON app_user
    FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION roi_invite_partner_fact_on_role();
CREATE TRIGGER roi_invite_partner_fact_user_deleted AFTER DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION roi_invite_partner_fact_on_role();

INSERT INTO roi_invite_partner_fact (quarter, partner_id, requests, attachments, invites, reps)
SELECT i.quarter, i.partner_id, sum(i.requests), sum(i.attachments), sum(i.requests + i.attachments), count(*)
FROM roi_invite_fact i JOIN app_user u ON u.id = i.rep_id AND u.role IN ('AE', 'SALES_MANAGER')
GROUP BY 1, 2;
ANALYZE roi_invite_partner_fact;
