-- Each partner user's enablement label kept in its own sort order (issue 15, module metrics,
-- branch kpi27).
--
-- The program's enablement completion records (metrics.KpiRecords#enablement) list the
-- partner users with a track role, those holding their track first, each group by label
-- (display name, partner name and job role in one text) then id, and cut the list at the
-- page's limit. The label joins two tables and its order under the database's collation is
-- not the order of its parts, so no index gave it: the page sorted all 74,421 users of the
-- large data to show 1,000. enablement_user_label keeps the label of every partner user
-- with a job role, exactly as the page builds it, with an index in the page's order; the
-- page walks it and stops at the limit.
--
-- Kept by statement triggers on app_user (a user added, changed or removed: its row written
-- anew when its label or job role differs) and on partner (a partner changed: the labels of
-- its users, read through app_user_partner_idx). TRUNCATE of app_user empties it.

CREATE TABLE enablement_user_label (
    user_id  BIGINT NOT NULL PRIMARY KEY,
    job_role TEXT   NOT NULL,
    label    TEXT   NOT NULL
);
CREATE INDEX enablement_user_label_order_idx ON enablement_user_label (label, user_id) INCLUDE (job_role);

CREATE FUNCTION metrics_user_labels_on_users() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE enablement_user_label;
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM enablement_user_label f USING old_rows o WHERE f.user_id = o.id;
        RETURN NULL;
    END IF;
    -- no longer a partner user with a job role (an update); ids never change
    DELETE FROM enablement_user_label f USING new_rows n
    WHERE f.user_id = n.id AND (n.role <> 'PARTNER' OR n.job_role IS NULL OR n.partner_id IS NULL);
    INSERT INTO enablement_user_label AS f (user_id, job_role, label)
    SELECT n.id, n.job_role, n.display_name || ' (' || p.name || ', ' || n.job_role || ')'
    FROM new_rows n JOIN partner p ON p.id = n.partner_id
    WHERE n.role = 'PARTNER' AND n.job_role IS NOT NULL
    ORDER BY n.id
    ON CONFLICT (user_id) DO UPDATE SET job_role = EXCLUDED.job_role, label = EXCLUDED.label
    WHERE (f.job_role, f.label) IS DISTINCT FROM (EXCLUDED.job_role, EXCLUDED.label);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER metrics_user_labels_users_inserted AFTER INSERT ON app_user
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_user_labels_on_users();
CREATE TRIGGER metrics_user_labels_users_updated AFTER UPDATE ON app_user
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_user_labels_on_users();
CREATE TRIGGER metrics_user_labels_users_deleted AFTER DELETE ON app_user
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_user_labels_on_users();
CREATE TRIGGER metrics_user_labels_users_truncated AFTER TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_user_labels_on_users();

-- a partner renamed: its users' labels (a partner's other changes write nothing)
CREATE FUNCTION metrics_user_labels_on_partners() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE enablement_user_label f SET label = u.display_name || ' (' || n.name || ', ' || u.job_role || ')'
    FROM new_rows n JOIN app_user u ON u.partner_id = n.id
    WHERE f.user_id = u.id AND u.role = 'PARTNER' AND u.job_role IS NOT NULL
      AND f.label IS DISTINCT FROM u.display_name || ' (' || n.name || ', ' || u.job_role || ')';
    RETURN NULL;
END
$fn$;

CREATE TRIGGER metrics_user_labels_partners_updated AFTER UPDATE ON partner
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_user_labels_on_partners();

INSERT INTO enablement_user_label (user_id, job_role, label)
SELECT u.id, u.job_role, u.display_name || ' (' || p.name || ', ' || u.job_role || ')'
FROM app_user u JOIN partner p ON p.id = u.partner_id
WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL;

ANALYZE enablement_user_label;
