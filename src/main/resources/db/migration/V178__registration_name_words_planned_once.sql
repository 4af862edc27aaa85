-- The first and second word that may differ (V168), with the same statement, planned once per
-- session instead of on every statement that calls them (issue 15, reg22).
--
-- A registration's insert computes registration_lead_word three times (the generated
-- lead_word, and the name's row of registration_name with both words). As SQL functions that
-- cannot be inlined (they read from unnest), each was parsed and planned again in every
-- statement that called them, and the insert's generated column prepared its expression
-- again: about 0.2 ms of planning per registration on the large data (pg_stat_statements: two
-- plans per registration) and 1.5 % of the database's CPU samples (perf). In PL/pgSQL the
-- statement's plan is kept by the session. The statements are those of V168, so every name
-- has the same words as before (OneSlipConflictTests compares them with CustomerLocks').
CREATE OR REPLACE FUNCTION registration_lead_word(normalized TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (SELECT w FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS t(w, i)
            WHERE char_length(w) > 3 AND w !~ '^[0-9]'
            ORDER BY i LIMIT 1);
END
$$;

CREATE OR REPLACE FUNCTION registration_second_word(normalized TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (SELECT w FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS t(w, i)
            WHERE char_length(w) > 3 AND w !~ '^[0-9]'
            ORDER BY i OFFSET 1 LIMIT 1);
END
$$;
