-- Password reset links, one row per link; only the SHA-256 of the secret is stored. A newer link
-- or a completed reset closes the user's other open links.
CREATE TABLE password_reset (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id),
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    closed_at  TIMESTAMPTZ
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id) WHERE used_at IS NULL AND closed_at IS NULL;

-- Every "forgot password" request, known e-mail or not, for the per-e-mail and per-address limit.
CREATE TABLE password_reset_request (
    id             BIGSERIAL PRIMARY KEY,
    email_key      TEXT        NOT NULL,
    client_address TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_reset_request_email_idx ON password_reset_request (email_key, requested_at);
CREATE INDEX password_reset_request_address_idx ON password_reset_request (client_address, requested_at);
