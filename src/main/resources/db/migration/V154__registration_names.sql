-- The conflict check's search by name over the distinct names registered, not over the
-- open registrations (issue 15). On the large dataset the search of the open registrations
-- by both long words (V122, threshold 0.15) cost 34 ms of the GIN index's posting lists
-- and a heap recheck per candidate row, 217 rows and 50 ms per registration under load,
-- while the 193,422 open registrations carry 1,722 distinct names: many registrations of
-- one customer. The matcher's verdict on a registration's name depends on the name alone
-- (its shape, lead and second long word are functions of it), so the names are searched
-- here and the matcher's verdict taken once per name; under the customer's lock the
-- registrations of the accepted names (and of the customer's registrable domain, and those
-- inserted since the search, as before) are read. Every name ever registered is kept (an
-- insert-only table: a name whose registrations all closed only costs a row), filled by
-- the trigger below whatever inserts the registration.
CREATE TABLE registration_name (
    normalized_name TEXT NOT NULL,
    name_shape      TEXT NOT NULL,
    lead_word       TEXT,
    second_word     TEXT,
    PRIMARY KEY (normalized_name, name_shape)
);

INSERT INTO registration_name (normalized_name, name_shape, lead_word, second_word)
SELECT DISTINCT normalized_name, name_shape, registration_lead_word(normalized_name),
       registration_second_word(normalized_name)
FROM deal_registration
WHERE normalized_name IS NOT NULL AND name_shape IS NOT NULL;

CREATE INDEX registration_name_words_idx ON registration_name
    USING gin (lead_word gin_trgm_ops, second_word gin_trgm_ops);

-- The names the conflict check's search may accept for a customer's name: the same shape,
-- and a lead and second long word each similar by trigrams at the threshold given (set for
-- the transaction, as the search did); the same narrowing as V122's on the registrations.
-- Through the GIN index whatever the table's size: a scan of a few thousand names computes
-- every similarity (6.5 ms for 1,722 names), the index reads a few posting lists (0.1 ms),
-- and the planner prefers the scan below about 3,000 names.
CREATE FUNCTION registration_names_like(shape TEXT, lead TEXT, second TEXT, threshold TEXT)
    RETURNS SETOF TEXT
    LANGUAGE plpgsql VOLATILE
    SET enable_seqscan = off AS $$
BEGIN
    PERFORM set_config('pg_trgm.similarity_threshold', threshold, true);
    IF lead IS NULL THEN
        RETURN QUERY SELECT n.normalized_name FROM registration_name n
                     WHERE n.name_shape = shape AND n.lead_word IS NULL;
    ELSIF second IS NULL THEN
        RETURN QUERY SELECT n.normalized_name FROM registration_name n
                     WHERE n.name_shape = shape AND n.lead_word % lead;
    ELSE
        RETURN QUERY SELECT n.normalized_name FROM registration_name n
                     WHERE n.name_shape = shape AND n.lead_word % lead AND n.second_word % second;
    END IF;
END
$$;

CREATE FUNCTION registration_name_kept() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registration_name (normalized_name, name_shape, lead_word, second_word)
    VALUES (NEW.normalized_name, NEW.name_shape, registration_lead_word(NEW.normalized_name),
            registration_second_word(NEW.normalized_name))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER registration_name_inserted AFTER INSERT ON deal_registration
    FOR EACH ROW WHEN (NEW.normalized_name IS NOT NULL AND NEW.name_shape IS NOT NULL)
    EXECUTE FUNCTION registration_name_kept();

CREATE TRIGGER registration_name_renamed AFTER UPDATE OF normalized_name, name_shape ON deal_registration
    FOR EACH ROW WHEN (NEW.normalized_name IS NOT NULL AND NEW.name_shape IS NOT NULL
                       AND (NEW.normalized_name IS DISTINCT FROM OLD.normalized_name
                            OR NEW.name_shape IS DISTINCT FROM OLD.name_shape))
    EXECUTE FUNCTION registration_name_kept();

-- the registrations of an accepted name, read under the customer's lock
CREATE INDEX deal_registration_open_name_idx ON deal_registration (normalized_name, name_shape)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED');

-- read by nothing now (the search goes through registration_name, the re-read by the
-- accepted names, the registrable domain and the inserted transaction); one GIN entry set
-- less per inserted registration
DROP INDEX deal_registration_open_words_idx;

ANALYZE registration_name;
