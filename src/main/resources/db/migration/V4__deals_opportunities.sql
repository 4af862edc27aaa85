CREATE TABLE opportunity (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT        NOT NULL REFERENCES account (id),
    name             TEXT          NOT NULL,
    amount           NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency         CHAR(3)       NOT NULL,
    stage            TEXT          NOT NULL CHECK (stage IN ('REGISTERED', 'QUALIFIED', 'JOINT_WORKING', 'COMMIT', 'CLOSED_WON', 'CLOSED_LOST')),
    close_date       DATE,
    owner_id         BIGINT        NOT NULL REFERENCES app_user (id),
    source           TEXT          NOT NULL CHECK (source IN ('DIRECT', 'PARTNER')),
    partner_id       BIGINT REFERENCES partner (id),
    credit_type      TEXT CHECK (credit_type IN ('SOURCED', 'INFLUENCED', 'CO_SELL')),
    partner_share    NUMERIC(5, 2) CHECK (partner_share BETWEEN 0 AND 100),
    stage_entered_at TIMESTAMPTZ   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    closed_at        TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT partner_deal_has_credit CHECK ((partner_id IS NULL) = (credit_type IS NULL)),
    CONSTRAINT sourced_deal_has_partner CHECK (source = 'DIRECT' OR partner_id IS NOT NULL)
);
CREATE INDEX opportunity_partner_idx ON opportunity (partner_id, stage);
CREATE INDEX opportunity_owner_idx ON opportunity (owner_id, stage);
CREATE INDEX opportunity_account_idx ON opportunity (account_id);
CREATE INDEX opportunity_stage_idx ON opportunity (stage, close_date);

-- Full stage history of every deal.
CREATE TABLE opportunity_stage_change (
    id             BIGSERIAL PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    from_stage     TEXT,
    to_stage       TEXT        NOT NULL,
    changed_by     BIGINT REFERENCES app_user (id),
    changed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunity_stage_change_opp_idx ON opportunity_stage_change (opportunity_id, changed_at);
