CREATE TABLE partner (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT        NOT NULL,
    type             TEXT        NOT NULL CHECK (type IN ('SI', 'RESELLER', 'ISV', 'REFERRAL', 'ADVISORY')),
    web_domain       TEXT,
    verticals        TEXT[]      NOT NULL DEFAULT '{}',
    capabilities     TEXT[]      NOT NULL DEFAULT '{}',
    region           TEXT        NOT NULL,
    onboarded_on     DATE,
    owner_pam_id     BIGINT      NOT NULL REFERENCES app_user (id),
    lifecycle_status TEXT        NOT NULL CHECK (lifecycle_status IN ('PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'SUNSET')),
    tier             TEXT        NOT NULL CHECK (tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING', 'TIER_3_BASELINE')),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          INT         NOT NULL DEFAULT 0
);
CREATE INDEX partner_owner_idx ON partner (owner_pam_id);
CREATE INDEX partner_status_idx ON partner (lifecycle_status);
CREATE INDEX partner_name_idx ON partner (lower(name) text_pattern_ops);

ALTER TABLE app_user ADD CONSTRAINT app_user_partner_fk FOREIGN KEY (partner_id) REFERENCES partner (id);

-- Every lifecycle move, with who, when and why.
CREATE TABLE partner_lifecycle_change (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    changed_by  BIGINT      REFERENCES app_user (id),
    changed_at  TIMESTAMPTZ NOT NULL,
    reason      TEXT        NOT NULL
);
CREATE INDEX partner_lifecycle_change_partner_idx ON partner_lifecycle_change (partner_id, changed_at);
