-- Changing a deal's credit after acceptance goes through a recorded dispute.
CREATE TABLE credit_dispute (
    id                   BIGSERIAL PRIMARY KEY,
    opportunity_id       BIGINT        NOT NULL REFERENCES opportunity (id),
    partner_id           BIGINT        NOT NULL REFERENCES partner (id),
    raised_by            BIGINT        NOT NULL REFERENCES app_user (id),
    current_credit_type  TEXT          NOT NULL,
    current_share        NUMERIC(5, 2) NOT NULL,
    proposed_credit_type TEXT          NOT NULL CHECK (proposed_credit_type IN ('SOURCED', 'INFLUENCED', 'CO_SELL')),
    proposed_share       NUMERIC(5, 2) NOT NULL CHECK (proposed_share BETWEEN 0 AND 100),
    reason               TEXT          NOT NULL,
    status               TEXT          NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    raised_at            TIMESTAMPTZ   NOT NULL,
    decided_by           BIGINT REFERENCES app_user (id),
    decided_at           TIMESTAMPTZ,
    decision_reason      TEXT
);
CREATE UNIQUE INDEX credit_dispute_one_open_per_deal ON credit_dispute (opportunity_id) WHERE status = 'OPEN';
CREATE INDEX credit_dispute_partner_idx ON credit_dispute (partner_id, raised_at DESC);
