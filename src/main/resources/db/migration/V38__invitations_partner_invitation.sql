-- Partner user invitations: a PAM or admin invites a person to a partner; the link's secret is
-- kept only as a SHA-256 hash. A resend replaces the hash (the old link dies); a revoke or an
-- acceptance closes the invitation.
CREATE TABLE partner_invitation (
    id           BIGSERIAL PRIMARY KEY,
    partner_id   BIGINT      NOT NULL REFERENCES partner (id),
    -- the partner's name when invited, shown on the page the link opens (before anyone signs in)
    partner_name TEXT        NOT NULL,
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
