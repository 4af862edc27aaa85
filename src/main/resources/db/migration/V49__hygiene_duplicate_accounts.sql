-- Duplicate accounts as the hygiene report last decided them (program-wide), so that the
-- report reads them instead of asking the matcher about every candidate pair per request.
-- The state row holds a signature of the accounts table the results were computed for;
-- a different signature means the accounts changed and the results are recomputed.
CREATE TABLE hygiene_duplicate (
    account_id BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    duplicates TEXT   NOT NULL
);

CREATE TABLE hygiene_duplicate_state (
    id                 SMALLINT    PRIMARY KEY CHECK (id = 1),
    accounts_signature TEXT        NOT NULL,
    computed_at        TIMESTAMPTZ NOT NULL
);
