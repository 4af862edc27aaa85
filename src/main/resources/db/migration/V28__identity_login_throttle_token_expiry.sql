-- Failed sign-in attempts per e-mail as typed (known or not) and client address. Each
-- attempt is counted here before the password is checked; a success deletes its row and
-- rows without a new failure for a day are deleted by a job. Kept in the database so the
-- throttle holds across restarts and instances.
CREATE TABLE login_failure (
    account_key     TEXT        NOT NULL CHECK (length(account_key) <= 254),
    client_address  TEXT        NOT NULL CHECK (length(client_address) <= 64),
    failures        INTEGER     NOT NULL CHECK (failures > 0),
    last_failure_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_key, client_address)
);
CREATE INDEX login_failure_last_idx ON login_failure (last_failure_at);

-- API tokens may expire; a token is refused from expires_at on.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMPTZ;
CREATE INDEX api_token_user_idx ON api_token (user_id);
