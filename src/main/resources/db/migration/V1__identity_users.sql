-- Everyone who signs in: vendor staff (with a manager hierarchy) and external partner users.
CREATE TABLE app_user (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT        NOT NULL,
    display_name   TEXT        NOT NULL,
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('ADMIN', 'PAM', 'AE', 'SALES_MANAGER', 'EXECUTIVE', 'PARTNER')),
    manager_id     BIGINT REFERENCES app_user (id),
    team           TEXT,
    partner_id     BIGINT,
    job_role       TEXT,
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT partner_user_has_partner CHECK ((role = 'PARTNER') = (partner_id IS NOT NULL))
);
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
CREATE INDEX app_user_partner_idx ON app_user (partner_id);
CREATE INDEX app_user_manager_idx ON app_user (manager_id);

-- Personal API tokens; only a SHA-256 of the secret is stored.
CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
