-- Partner user invitations: a PAM or admin invites a person to a partner; the link's secret is
-- kept only as a SHA-256 hash. A resend replaces the hash (the old link dies); a revoke or an
-- acceptance closes the invitation.
CREATE TABLE partner_invitation (
    id           BIGSERIAL PRIMARY KEY,
    partner_id   BIGINT      NOT NULL REFERENCES partner (id),
    email        TEXT        NOT NULL,
    display_name TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    invited_by   BIGINT      NOT NULL REFERENCES app_user (id),
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    sends        INT         NOT NULL DEFAULT 1,
    accepted_at  TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    user_id      BIGINT REFERENCES app_user (id),
    CONSTRAINT partner_invitation_closed_once CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- one open invitation per e-mail address
CREATE UNIQUE INDEX partner_invitation_open_uq ON partner_invitation (lower(email))
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX partner_invitation_partner_idx ON partner_invitation (partner_id, created_at DESC);

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
