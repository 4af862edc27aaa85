-- Incentive programs the program admin defines; parameters per kind as JSON.
CREATE TABLE incentive_program (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('FAST_START_SPIFF', 'REFERRAL', 'QUARTERLY_REBATE', 'MDF')),
    currency   CHAR(3)     NOT NULL,
    starts_on  DATE        NOT NULL,
    ends_on    DATE,
    params     JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by BIGINT REFERENCES app_user (id),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

-- The append-only ledger: every earning cites its program and the deal or period behind it.
CREATE TABLE incentive_earning (
    id             BIGSERIAL PRIMARY KEY,
    partner_id     BIGINT         NOT NULL REFERENCES partner (id),
    program_id     BIGINT         NOT NULL REFERENCES incentive_program (id),
    kind           TEXT           NOT NULL CHECK (kind IN ('SPIFF', 'REFERRAL', 'REBATE', 'MDF_FUND', 'MDF_REIMBURSEMENT', 'REVERSAL')),
    source_key     TEXT           NOT NULL,
    opportunity_id BIGINT REFERENCES opportunity (id),
    period         TEXT,
    amount         NUMERIC(19, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    basis          TEXT           NOT NULL,
    earned_at      TIMESTAMPTZ    NOT NULL,
    reverses_id    BIGINT UNIQUE REFERENCES incentive_earning (id),
    UNIQUE (program_id, partner_id, source_key)
);
CREATE INDEX incentive_earning_partner_idx ON incentive_earning (partner_id, earned_at);
CREATE INDEX incentive_earning_opportunity_idx ON incentive_earning (opportunity_id);

CREATE FUNCTION incentive_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the incentive ledger is append-only: reverse an earning with a new entry';
END;
$$;
CREATE TRIGGER incentive_earning_no_update BEFORE UPDATE OR DELETE ON incentive_earning
    FOR EACH ROW EXECUTE FUNCTION incentive_ledger_is_append_only();

CREATE TABLE payout_run (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    started_by  BIGINT REFERENCES app_user (id),
    finished_at TIMESTAMPTZ
);

-- An earning is paid by exactly one payout item: the unique key makes paying twice impossible.
CREATE TABLE payout_item (
    id         BIGSERIAL PRIMARY KEY,
    run_id     BIGINT         NOT NULL REFERENCES payout_run (id),
    earning_id BIGINT         NOT NULL UNIQUE REFERENCES incentive_earning (id),
    partner_id BIGINT         NOT NULL REFERENCES partner (id),
    amount     NUMERIC(19, 2) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    paid_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payout_item_partner_idx ON payout_item (partner_id, paid_at);

CREATE TABLE mdf_request (
    id                 BIGSERIAL PRIMARY KEY,
    partner_id         BIGINT         NOT NULL REFERENCES partner (id),
    activity           TEXT           NOT NULL,
    cost               NUMERIC(19, 2) NOT NULL CHECK (cost > 0),
    currency           CHAR(3)        NOT NULL,
    expected_pipeline  NUMERIC(19, 2) NOT NULL CHECK (expected_pipeline >= 0),
    partner_investment NUMERIC(19, 2) NOT NULL CHECK (partner_investment >= 0),
    status             TEXT           NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'DECLINED')),
    approved_amount    NUMERIC(19, 2) CHECK (approved_amount > 0),
    requested_by       BIGINT         NOT NULL REFERENCES app_user (id),
    requested_at       TIMESTAMPTZ    NOT NULL,
    decided_by         BIGINT REFERENCES app_user (id),
    decided_at         TIMESTAMPTZ,
    decision_reason    TEXT
);

CREATE TABLE mdf_claim (
    id         BIGSERIAL PRIMARY KEY,
    request_id BIGINT         NOT NULL REFERENCES mdf_request (id),
    amount     NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    proof      TEXT           NOT NULL,
    claimed_by BIGINT         NOT NULL REFERENCES app_user (id),
    claimed_at TIMESTAMPTZ    NOT NULL
);

CREATE TABLE partner_badge (
    partner_id BIGINT      NOT NULL REFERENCES partner (id),
    badge      TEXT        NOT NULL CHECK (badge IN ('FIRST_WIN', 'CERTIFIED', 'TOP_PARTNER_OF_QUARTER')),
    period     TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    awarded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, badge, period)
);
