-- The breakdown picker's lists (/metrics, /metrics/funnel: regions, verticals, capabilities,
-- onboarding quarters) from the distinct values kept here, not from every partner (issue 15).
-- Each list was a scan of all partners per page request: on the large dataset (40,000
-- partners) 418 ms of ADMIN /metrics' 548. Each row counts the partners (an array's element
-- once per occurrence) that carry a value, per PAM's book and for the whole program
-- (pam = 0: no user has id 0), so a value leaves with its last partner and the table equals
-- its recomputation (metrics_slice_value_rebuild). Onboarding is kept by month (its first
-- day): the picker labels quarters by the business calendar, whose quarters start on a
-- month's first day. NULL array elements are not kept (the picker cannot offer them).
CREATE TABLE metrics_slice_value (
    kind     TEXT   NOT NULL CHECK (kind IN ('REGION', 'VERTICAL', 'CAPABILITY', 'ONBOARDED_MONTH')),
    pam      BIGINT NOT NULL,
    value    TEXT   NOT NULL,
    partners INT    NOT NULL CHECK (partners >= 0),
    PRIMARY KEY (pam, kind, value)
);

-- The values of one partner, each for its PAM's book and for the program.
CREATE FUNCTION metrics_slice_entries(region TEXT, verticals TEXT[], capabilities TEXT[], onboarded_on DATE,
                                      owner_pam_id BIGINT)
    RETURNS TABLE (kind TEXT, pam BIGINT, value TEXT)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT v.kind, s.pam, v.value
    FROM (SELECT 'REGION' AS kind, region AS value
          UNION ALL SELECT 'VERTICAL', unnest(verticals)
          UNION ALL SELECT 'CAPABILITY', unnest(capabilities)
          UNION ALL SELECT 'ONBOARDED_MONTH', to_char(date_trunc('month', CAST(onboarded_on AS TIMESTAMP)), 'YYYY-MM-DD')) AS v
    CROSS JOIN (VALUES (owner_pam_id), (CAST(0 AS BIGINT))) AS s (pam)
    WHERE v.value IS NOT NULL AND s.pam IS NOT NULL
$$;

-- Moves the count of one value by delta: the row is inserted with the first partner and
-- deleted with the last (the UPDATE holds the row's lock, as V159's account_name_count).
CREATE FUNCTION metrics_slice_value_count(the_kind TEXT, the_pam BIGINT, the_value TEXT, delta INT) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    left_over INT;
BEGIN
    IF delta > 0 THEN
        INSERT INTO metrics_slice_value AS v (kind, pam, value, partners)
        VALUES (the_kind, the_pam, the_value, delta)
        ON CONFLICT (pam, kind, value) DO UPDATE SET partners = v.partners + excluded.partners;
    ELSIF delta < 0 THEN
        UPDATE metrics_slice_value v SET partners = v.partners + delta
        WHERE v.kind = the_kind AND v.pam = the_pam AND v.value = the_value
        RETURNING v.partners INTO left_over;
        IF left_over = 0 THEN
            DELETE FROM metrics_slice_value v WHERE v.kind = the_kind AND v.pam = the_pam AND v.value = the_value;
        END IF;
    END IF;
END
$$;

-- Inserted and deleted partners, per statement (an import inserts many), each value once and
-- in key order, so two statements lock shared values in the same order.
CREATE FUNCTION metrics_slice_values_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_slice_value_count(d.kind, d.pam, d.value, d.n)
    FROM (SELECT e.kind, e.pam, e.value, CAST(count(*) AS INT) AS n
          FROM new_rows r
          CROSS JOIN LATERAL metrics_slice_entries(r.region, r.verticals, r.capabilities, r.onboarded_on, r.owner_pam_id) e
          GROUP BY e.kind, e.pam, e.value ORDER BY e.kind, e.pam, e.value) AS d;
    RETURN NULL;
END
$$;

CREATE FUNCTION metrics_slice_values_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_slice_value_count(d.kind, d.pam, d.value, -d.n)
    FROM (SELECT e.kind, e.pam, e.value, CAST(count(*) AS INT) AS n
          FROM old_rows r
          CROSS JOIN LATERAL metrics_slice_entries(r.region, r.verticals, r.capabilities, r.onboarded_on, r.owner_pam_id) e
          GROUP BY e.kind, e.pam, e.value ORDER BY e.kind, e.pam, e.value) AS d;
    RETURN NULL;
END
$$;

-- A partner whose region, verticals, capabilities, onboarding day or PAM changed: the values
-- it left and those it took, netted, in key order.
CREATE FUNCTION metrics_slice_values_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_slice_value_count(d.kind, d.pam, d.value, d.n)
    FROM (SELECT e.kind, e.pam, e.value, CAST(sum(e.n) AS INT) AS n
          FROM (SELECT o.kind, o.pam, o.value, -1 AS n
                FROM metrics_slice_entries(OLD.region, OLD.verticals, OLD.capabilities, OLD.onboarded_on, OLD.owner_pam_id) o
                UNION ALL
                SELECT w.kind, w.pam, w.value, 1
                FROM metrics_slice_entries(NEW.region, NEW.verticals, NEW.capabilities, NEW.onboarded_on, NEW.owner_pam_id) w) e
          GROUP BY e.kind, e.pam, e.value HAVING sum(e.n) <> 0 ORDER BY e.kind, e.pam, e.value) AS d;
    RETURN NULL;
END
$$;

CREATE FUNCTION metrics_slice_values_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM metrics_slice_value;
    RETURN NULL;
END
$$;

CREATE TRIGGER metrics_slice_values_inserted AFTER INSERT ON partner
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_slice_values_inserted();
CREATE TRIGGER metrics_slice_values_deleted AFTER DELETE ON partner
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_slice_values_deleted();
CREATE TRIGGER metrics_slice_values_changed AFTER UPDATE OF region, verticals, capabilities, onboarded_on, owner_pam_id
    ON partner FOR EACH ROW
    WHEN (OLD.region IS DISTINCT FROM NEW.region OR OLD.verticals IS DISTINCT FROM NEW.verticals
          OR OLD.capabilities IS DISTINCT FROM NEW.capabilities OR OLD.onboarded_on IS DISTINCT FROM NEW.onboarded_on
          OR OLD.owner_pam_id IS DISTINCT FROM NEW.owner_pam_id)
    EXECUTE FUNCTION metrics_slice_values_changed();
CREATE TRIGGER metrics_slice_values_truncated AFTER TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_slice_values_truncated();

-- Recounts the values from the partners (the upgrade, a repair after changes with the
-- triggers off); the partners are locked against writes meanwhile.
CREATE FUNCTION metrics_slice_value_rebuild() RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE partner IN SHARE MODE;
    DELETE FROM metrics_slice_value;
    INSERT INTO metrics_slice_value (kind, pam, value, partners)
    SELECT e.kind, e.pam, e.value, count(*)
    FROM partner r
    CROSS JOIN LATERAL metrics_slice_entries(r.region, r.verticals, r.capabilities, r.onboarded_on, r.owner_pam_id) e
    GROUP BY e.kind, e.pam, e.value;
END
$$;

SELECT metrics_slice_value_rebuild();

-- The picker's PAMs by name (was every user read for the few PAMs).
CREATE INDEX app_user_pam_name_idx ON app_user (display_name, id) WHERE role = 'PAM';

ANALYZE metrics_slice_value;
