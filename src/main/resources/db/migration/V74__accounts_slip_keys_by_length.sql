-- One-slip candidates of a partner list found through an index, not by unnesting every
-- account's slip keys (V61_2): at 1,000,000 accounts that hash join read about five million
-- keys for each list, whatever its size. Each key now carries the length of the whole
-- normalised name ("16:bab< ventures"), because one slip changes a name's length by at most
-- one letter and the key of a one-word name (its first or last three letters) is shared by
-- hundreds of accounts of other lengths. A company probes its keys at its own length and one
-- letter either side (account_slip_probes) through a GIN index on the keys.
ALTER TABLE account DROP COLUMN slip_keys;
DROP FUNCTION account_slip_keys(TEXT);

CREATE FUNCTION account_slip_words(normalized TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT k), '{}') FROM (
        SELECT array_to_string(w.words[:i - 1] || (left(w.words[i], 3) || '<') || w.words[i + 1:], ' ') AS k
        FROM (SELECT string_to_array(normalized, ' ') AS words) w, generate_subscripts(w.words, 1) AS i
        WHERE char_length(w.words[i]) > 4 AND w.words[i] !~ '^[0-9]'
        UNION ALL
        SELECT array_to_string(w.words[:i - 1] || ('>' || right(w.words[i], 3)) || w.words[i + 1:], ' ')
        FROM (SELECT string_to_array(normalized, ' ') AS words) w, generate_subscripts(w.words, 1) AS i
        WHERE char_length(w.words[i]) > 4 AND w.words[i] !~ '^[0-9]') keys
$$;

-- the keys an account is found by: its slip words at the name's own length
CREATE FUNCTION account_slip_keys(normalized TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(char_length(normalized) || ':' || k), '{}')
    FROM unnest(account_slip_words(normalized)) AS k
$$;

-- the keys a company looks for: its slip words at its length and one letter either side
CREATE FUNCTION account_slip_probes(normalized TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg((char_length(normalized) + d) || ':' || k), '{}')
    FROM unnest(account_slip_words(normalized)) AS k, generate_series(-1, 1) AS d
$$;

ALTER TABLE account ADD COLUMN slip_keys TEXT[] GENERATED ALWAYS AS (account_slip_keys(normalized_name)) STORED;
CREATE INDEX account_slip_keys_idx ON account USING gin (slip_keys);
