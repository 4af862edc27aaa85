-- The search of the accounts that may be a customer (the conflict check's, a lead's routing)
-- by the distinct account names, not by the accounts (issue 15). On the large dataset the
-- 100,000 accounts carry about 1,723 distinct normalised names, so the two-column GIN index
-- on the accounts' word expressions (V122) read long posting lists and rechecked every
-- account of every similar name: about 22 ms per registration under load. Whether an
-- account's name is similar depends on the name alone (its lead and second long word are
-- functions of it), so the names are searched here and the accounts of the similar names
-- read by the name index (V66). Each row counts the accounts of its name: a name leaves
-- with its last account, so the table equals its recomputation (account_name_rebuild).
CREATE TABLE account_name (
    normalized_name TEXT PRIMARY KEY,
    lead_word       TEXT,
    second_word     TEXT,
    accounts        INT  NOT NULL CHECK (accounts >= 0)
);

-- Moves the count of one name by delta: the row is inserted with the first account of its
-- name and deleted with the last (the UPDATE holds the row's lock, so no other transaction
-- changes the count between it and the DELETE; an insert of the name waiting on that lock
-- inserts the row anew once the DELETE is committed).
CREATE FUNCTION account_name_count(name TEXT, delta INT) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    left_over INT;
BEGIN
    IF name IS NULL OR delta = 0 THEN
        RETURN;
    END IF;
    IF delta > 0 THEN
        INSERT INTO account_name AS n (normalized_name, lead_word, second_word, accounts)
        VALUES (name, registration_lead_word(name), registration_second_word(name), delta)
        ON CONFLICT (normalized_name) DO UPDATE SET accounts = n.accounts + excluded.accounts;
    ELSE
        UPDATE account_name n SET accounts = n.accounts + delta WHERE n.normalized_name = name
        RETURNING n.accounts INTO left_over;
        IF left_over = 0 THEN
            DELETE FROM account_name n WHERE n.normalized_name = name;
        END IF;
    END IF;
END
$$;

-- Inserted and deleted accounts, per statement (an import inserts many), each name once and
-- in the order of the names, so two statements lock shared names in the same order.
CREATE FUNCTION account_names_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM account_name_count(m.normalized_name, m.n)
    FROM (SELECT normalized_name, CAST(count(*) AS INT) AS n FROM new_rows
          WHERE normalized_name IS NOT NULL GROUP BY normalized_name ORDER BY normalized_name) AS m;
    RETURN NULL;
END
$$;

CREATE FUNCTION account_names_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM account_name_count(m.normalized_name, -m.n)
    FROM (SELECT normalized_name, CAST(count(*) AS INT) AS n FROM old_rows
          WHERE normalized_name IS NOT NULL GROUP BY normalized_name ORDER BY normalized_name) AS m;
    RETURN NULL;
END
$$;

-- A rename: the lower name's row first, so two renames between the same names cannot wait
-- for each other's locks.
CREATE FUNCTION account_name_renamed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.normalized_name IS NULL OR OLD.normalized_name < NEW.normalized_name THEN
        PERFORM account_name_count(OLD.normalized_name, -1);
        PERFORM account_name_count(NEW.normalized_name, 1);
    ELSE
        PERFORM account_name_count(NEW.normalized_name, 1);
        PERFORM account_name_count(OLD.normalized_name, -1);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION account_names_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM account_name;
    RETURN NULL;
END
$$;

CREATE TRIGGER account_names_inserted AFTER INSERT ON account
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION account_names_inserted();
CREATE TRIGGER account_names_deleted AFTER DELETE ON account
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION account_names_deleted();
CREATE TRIGGER account_name_renamed AFTER UPDATE OF normalized_name ON account
    FOR EACH ROW WHEN (OLD.normalized_name IS DISTINCT FROM NEW.normalized_name)
    EXECUTE FUNCTION account_name_renamed();
CREATE TRIGGER account_names_truncated AFTER TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION account_names_truncated();

-- Recounts the names from the accounts (the upgrade, a repair after changes with the
-- triggers off); the accounts are locked against writes meanwhile.
CREATE FUNCTION account_name_rebuild() RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE account IN SHARE MODE;
    DELETE FROM account_name;
    INSERT INTO account_name (normalized_name, lead_word, second_word, accounts)
    SELECT normalized_name, registration_lead_word(normalized_name), registration_second_word(normalized_name),
           count(*)
    FROM account
    WHERE normalized_name IS NOT NULL
    GROUP BY normalized_name;
END
$$;

SELECT account_name_rebuild();

CREATE INDEX account_name_words_trgm_idx ON account_name
    USING gin (lead_word gin_trgm_ops, second_word gin_trgm_ops);

-- The names whose accounts may be a company's: with no long word in its name, the same name;
-- otherwise a lead and second long word each similar by trigrams at the threshold given
-- (set for the transaction, as the accounts' search did), and no second long word when the
-- name has none. Through the GIN index whatever the table's size (the planner prefers a scan
-- computing every similarity below a few thousand names, 6.5 ms against 0.1 ms for V154's
-- registration names).
CREATE FUNCTION account_names_like(whole TEXT, lead TEXT, second TEXT, threshold TEXT)
    RETURNS SETOF TEXT
    LANGUAGE plpgsql VOLATILE
    SET enable_seqscan = off AS $$
BEGIN
    PERFORM set_config('pg_trgm.similarity_threshold', threshold, true);
    IF lead IS NULL THEN
        RETURN QUERY SELECT n.normalized_name FROM account_name n WHERE n.normalized_name = whole;
    ELSIF second IS NULL THEN
        RETURN QUERY SELECT n.normalized_name FROM account_name n
                     WHERE n.lead_word % lead AND n.second_word IS NULL;
    ELSE
        RETURN QUERY SELECT n.normalized_name FROM account_name n
                     WHERE n.lead_word % lead AND n.second_word % second;
    END IF;
END
$$;

-- read by nothing now (both searches go through account_name); one GIN entry set less for
-- each account written
DROP INDEX account_name_words_idx;

ANALYZE account_name;
