-- The conflict check's candidate search by name, narrowed to both long words (issue 15).
-- CompanyMatcher asks every long word (more than four letters, not starting with a digit)
-- of two names to be near-identical, so a name it takes for the customer's has a similar
-- lead word AND a similar second long word. Searching by the lead word alone at the loose
-- threshold (CustomerLocks.WORD_SIMILARITY, 0.15) rechecked thousands of rows per
-- registration on the large dataset (a coined "paceyo" shares two padded trigrams with
-- every registration of "prairie …"); both words in one two-column trigram index keep
-- only rows close in both. The index serves the lead word alone too (names with one long
-- word), so the lead-word-only index goes. Accounts get the same index on expressions,
-- for the search of open deals on matching accounts, which compared whole names at the
-- default threshold 0.3 (a different candidate set from the registrations').
CREATE FUNCTION registration_second_word(normalized TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT w FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS t(w, i)
    WHERE char_length(w) > 4 AND w !~ '^[0-9]'
    ORDER BY i OFFSET 1 LIMIT 1
$$;

CREATE INDEX deal_registration_open_words_idx ON deal_registration
    USING gin (lead_word gin_trgm_ops, registration_second_word(normalized_name) gin_trgm_ops)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED');

DROP INDEX deal_registration_open_lead_word_idx;

CREATE INDEX account_name_words_idx ON account
    USING gin (registration_lead_word(normalized_name) gin_trgm_ops,
               registration_second_word(normalized_name) gin_trgm_ops);

ANALYZE deal_registration;
ANALYZE account;
