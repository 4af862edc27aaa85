-- One-slip candidates of a partner list are now found by one pass over the accounts' names,
-- looked up among the list's own one-slip keys in Java (accounts/SlipNeighbours): the GIN
-- probe on these keys read some sixty rows per company at a million accounts (a key kept
-- only three letters of a word). The generated column, its index and functions are no
-- longer read; dropping them also spares every account write the index update.
DROP INDEX IF EXISTS account_slip_keys_idx;
ALTER TABLE account DROP COLUMN IF EXISTS slip_keys;
DROP FUNCTION IF EXISTS account_slip_probes(TEXT);
DROP FUNCTION IF EXISTS account_slip_keys(TEXT);
DROP FUNCTION IF EXISTS account_slip_words(TEXT);
