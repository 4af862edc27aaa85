-- The 30-60-90 plan template the program admin edits.
CREATE TABLE activation_template (
    code     TEXT PRIMARY KEY,
    position INT  NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    due_day  INT  NOT NULL CHECK (due_day BETWEEN 1 AND 90),
    owner    TEXT NOT NULL CHECK (owner IN ('PAM', 'PARTNER')),
    source   TEXT CHECK (source IN ('FIRST_REGISTRATION', 'FIRST_WIN', 'TRAINING'))
);
INSERT INTO activation_template (code, position, name, due_day, owner, source) VALUES
('ONBOARDING_COMPLETE', 1, 'Onboarding complete', 14, 'PAM', NULL),
('TRAINING_COMPLETE', 2, 'Role-based training complete', 30, 'PARTNER', 'TRAINING'),
('ICP_ALIGNED', 3, 'ICP and value proposition aligned', 30, 'PAM', NULL),
('ACCOUNTS_MAPPED', 4, 'Target accounts mapped', 45, 'PARTNER', NULL),
('FIRST_REGISTRATION', 5, 'First deal registered', 60, 'PARTNER', 'FIRST_REGISTRATION'),
('FIRST_WIN', 6, 'First deal won', 90, 'PARTNER', 'FIRST_WIN');

-- One plan per onboarded partner, with its success criteria and, from day 90, its verdict.
CREATE TABLE activation_plan (
    partner_id           BIGINT PRIMARY KEY REFERENCES partner (id),
    onboarded_on         DATE           NOT NULL,
    target_registrations INT            NOT NULL DEFAULT 3,
    target_pipeline      NUMERIC(19, 2) NOT NULL DEFAULT 100000,
    target_revenue       NUMERIC(19, 2) NOT NULL DEFAULT 25000,
    currency             CHAR(3)        NOT NULL DEFAULT 'USD',
    first_registered_at  TIMESTAMPTZ,
    first_won_at         TIMESTAMPTZ,
    verdict              TEXT CHECK (verdict IN ('ACTIVATED', 'NOT_ACTIVATED')),
    verdict_at           TIMESTAMPTZ,
    created_at           TIMESTAMPTZ    NOT NULL
);

CREATE TABLE activation_milestone (
    id           BIGSERIAL PRIMARY KEY,
    partner_id   BIGINT      NOT NULL REFERENCES activation_plan (partner_id),
    code         TEXT        NOT NULL,
    position     INT         NOT NULL,
    name         TEXT        NOT NULL,
    due_on       DATE        NOT NULL,
    owner        TEXT        NOT NULL,
    source       TEXT,
    completed_at TIMESTAMPTZ,
    completed_by BIGINT REFERENCES app_user (id),
    evidence     TEXT,
    nudged_at    TIMESTAMPTZ,
    UNIQUE (partner_id, code)
);

-- Why a partner is not activating, from a fixed list, counted across the program.
CREATE TABLE partner_blocker (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    blocker     TEXT        NOT NULL CHECK (blocker IN ('ICP_UNCLEAR', 'ENABLEMENT_INCOMPLETE', 'NO_INCENTIVE', 'GTM_MISALIGNMENT', 'REGISTRATION_FRICTION')),
    note        TEXT,
    recorded_by BIGINT      NOT NULL REFERENCES app_user (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX partner_blocker_open_uq ON partner_blocker (partner_id, blocker) WHERE resolved_at IS NULL;
