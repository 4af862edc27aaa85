-- Open registrations that may be the same customer are found by the same registrable domain,
-- or by the same name shape (CustomerLocks.shape) AND a lead word (the first word the shape
-- writes as '*': longer than four letters, not starting with a digit) similar by trigrams
-- (CustomerLocks.LEAD_WORD_SIMILARITY), through the GIN index below, instead of reading
-- every open registration of the shape ("* *" is most of them) and comparing in Java. A
-- lead word the matcher takes for the same (one slip, or Jaro-Winkler >= 0.92) is at least
-- 0.2 similar by trigrams even with two letters swapped in a five-letter word.
CREATE FUNCTION registration_lead_word(normalized TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT w FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS t(w, i)
    WHERE char_length(w) > 4 AND w !~ '^[0-9]'
    ORDER BY i LIMIT 1
$$;

ALTER TABLE deal_registration
    ADD COLUMN lead_word TEXT GENERATED ALWAYS AS (registration_lead_word(normalized_name)) STORED;

CREATE INDEX deal_registration_open_lead_word_idx ON deal_registration USING gin (lead_word gin_trgm_ops)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED');
