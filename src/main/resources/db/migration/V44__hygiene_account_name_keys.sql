-- Blocking keys for duplicate accounts (data hygiene). Two names the customer matcher calls
-- one company have the same words in the same order, short words (up to four letters) and
-- words starting with a digit identical, longer words near-identical. A one-slip difference
-- in a longer word leaves its first two or its last two letters as they were, so such
-- names share the head key (every longer word cut to its first two letters) or the tail
-- key (cut to its last two letters). Hygiene compares only accounts sharing a key or a
-- registrable domain, found through these indexes, instead of every pair of accounts.
CREATE FUNCTION account_name_key(name TEXT, head BOOLEAN) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(CASE WHEN char_length(w) <= 4 OR w ~ '^[0-9]' THEN w
                           WHEN head THEN left(w, 2) || '*' ELSE '*' || right(w, 2) END, ' ' ORDER BY i)
    FROM unnest(string_to_array(name, ' ')) WITH ORDINALITY AS t(w, i)
$$;

ALTER TABLE account
    ADD COLUMN name_head_key TEXT GENERATED ALWAYS AS (account_name_key(normalized_name, TRUE)) STORED,
    ADD COLUMN name_tail_key TEXT GENERATED ALWAYS AS (account_name_key(normalized_name, FALSE)) STORED;

CREATE INDEX account_name_head_key_idx ON account (name_head_key);
CREATE INDEX account_name_tail_key_idx ON account (name_tail_key);
