-- The duplicate-account search (hygiene) looks up, for every account in scope, the first
-- accounts by id sharing its registrable domain, its name head key or its name tail key
-- (ORDER BY id LIMIT a few, three lateral lookups). With an index on the key alone each
-- lookup fetched every account sharing the key and sorted them by id, so a common key
-- (many accounts without a long word, a big customer's many subsidiaries on one domain)
-- was read again for every account holding it: at 100,000 accounts the program-wide
-- search ran into the query timeout. An index on (key, id) hands the lookup the first ids
-- in order and stops at the limit. It serves every lookup by the key alone too, so the
-- single-column indexes go.
CREATE INDEX account_registrable_domain_id_idx ON account (registrable_domain, id);
CREATE INDEX account_name_head_key_id_idx ON account (name_head_key, id);
CREATE INDEX account_name_tail_key_id_idx ON account (name_tail_key, id);

DROP INDEX account_registrable_domain_idx;
DROP INDEX account_name_head_key_idx;
DROP INDEX account_name_tail_key_idx;
