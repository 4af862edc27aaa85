-- The program's rules of engagement for registrations (one row, edited by the program admin).
CREATE TABLE registration_rules (
    id                         INT PRIMARY KEY CHECK (id = 1),
    protection_days            INT           NOT NULL DEFAULT 90 CHECK (protection_days BETWEEN 1 AND 730),
    later_registration         TEXT          NOT NULL DEFAULT 'HOLD' CHECK (later_registration IN ('HOLD', 'REJECT')),
    approval_sla_business_days INT           NOT NULL DEFAULT 2 CHECK (approval_sla_business_days BETWEEN 1 AND 30),
    extension_days             INT           NOT NULL DEFAULT 30 CHECK (extension_days BETWEEN 1 AND 365),
    sourced_share              NUMERIC(5, 2) NOT NULL DEFAULT 20 CHECK (sourced_share BETWEEN 0 AND 100),
    influenced_share           NUMERIC(5, 2) NOT NULL DEFAULT 10 CHECK (influenced_share BETWEEN 0 AND 100),
    co_sell_share              NUMERIC(5, 2) NOT NULL DEFAULT 15 CHECK (co_sell_share BETWEEN 0 AND 100),
    updated_at                 TIMESTAMPTZ   NOT NULL,
    updated_by                 BIGINT REFERENCES app_user (id)
);
INSERT INTO registration_rules (id, updated_at) VALUES (1, now());

CREATE TABLE deal_registration (
    id                  BIGSERIAL PRIMARY KEY,
    partner_id          BIGINT         NOT NULL REFERENCES partner (id),
    registered_by       BIGINT         NOT NULL REFERENCES app_user (id),
    account_id          BIGINT REFERENCES account (id),
    customer_name       TEXT           NOT NULL,
    customer_domain     TEXT,
    registrable_domain  TEXT,
    normalized_name     TEXT,
    customer_need       TEXT           NOT NULL,
    amount              NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency            CHAR(3)        NOT NULL,
    expected_close_date DATE           NOT NULL,
    credit_type         TEXT           NOT NULL CHECK (credit_type IN ('SOURCED', 'INFLUENCED', 'CO_SELL')),
    partner_share       NUMERIC(5, 2)  NOT NULL,
    status              TEXT           NOT NULL CHECK (status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
    status_reason       TEXT,
    held_behind_id      BIGINT REFERENCES deal_registration (id),
    direct_conflict_id  BIGINT REFERENCES opportunity (id),
    submitted_at        TIMESTAMPTZ    NOT NULL,
    sla_due_at          TIMESTAMPTZ,
    protection_ends_at  TIMESTAMPTZ,
    extended            BOOLEAN        NOT NULL DEFAULT FALSE,
    decided_at          TIMESTAMPTZ,
    decided_by          BIGINT REFERENCES app_user (id),
    approved_at         TIMESTAMPTZ,
    opportunity_id      BIGINT REFERENCES opportunity (id),
    deal_closed_at      TIMESTAMPTZ,
    version             INT            NOT NULL DEFAULT 0
);
CREATE INDEX deal_registration_partner_idx ON deal_registration (partner_id, submitted_at DESC);
CREATE INDEX deal_registration_open_domain_idx ON deal_registration (registrable_domain)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED');
CREATE INDEX deal_registration_name_trgm_idx ON deal_registration USING gin (normalized_name gin_trgm_ops);
CREATE INDEX deal_registration_sla_idx ON deal_registration (sla_due_at) WHERE status = 'PENDING';
CREATE INDEX deal_registration_protection_idx ON deal_registration (protection_ends_at)
    WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED');
CREATE INDEX deal_registration_opportunity_idx ON deal_registration (opportunity_id);

-- The customers a registration was found to collide with, and why (shown to the PAM only).
CREATE TABLE registration_conflict (
    id              BIGSERIAL PRIMARY KEY,
    registration_id BIGINT        NOT NULL REFERENCES deal_registration (id),
    candidate_kind  TEXT          NOT NULL CHECK (candidate_kind IN ('REGISTRATION', 'OPPORTUNITY')),
    candidate_id    BIGINT        NOT NULL,
    partner_id      BIGINT REFERENCES partner (id),
    match_kind      TEXT          NOT NULL CHECK (match_kind IN ('DOMAIN', 'NAME')),
    score           NUMERIC(4, 3) NOT NULL,
    reason          TEXT          NOT NULL,
    detected_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX registration_conflict_registration_idx ON registration_conflict (registration_id);

-- Every status change of a registration, with who, when and why.
CREATE TABLE registration_history (
    id              BIGSERIAL PRIMARY KEY,
    registration_id BIGINT      NOT NULL REFERENCES deal_registration (id),
    from_status     TEXT,
    to_status       TEXT        NOT NULL,
    actor_id        BIGINT REFERENCES app_user (id),
    at              TIMESTAMPTZ NOT NULL,
    reason          TEXT        NOT NULL
);
CREATE INDEX registration_history_registration_idx ON registration_history (registration_id, at);
