-- Long-tail ROI (§C18): program spend an admin records against a partner, and the admin-set
-- cost rates (PAM time per managed partner and quarter, one enablement hour). Money is kept
-- with its currency at four stored decimals; reports convert it into the reporting currency.
CREATE TABLE roi_program_spend (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  BIGINT         NOT NULL REFERENCES partner (id),
    spent_on    DATE           NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency    CHAR(3)        NOT NULL,
    purpose     TEXT           NOT NULL,
    recorded_by BIGINT         NOT NULL REFERENCES app_user (id),
    recorded_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX roi_program_spend_partner_idx ON roi_program_spend (partner_id, spent_on);
CREATE INDEX roi_program_spend_day_idx ON roi_program_spend (spent_on);

-- One row: the cost rates. Zero until an admin sets them.
CREATE TABLE roi_cost_rate (
    id                      SMALLINT PRIMARY KEY CHECK (id = 1),
    pam_cost_per_partner    NUMERIC(19, 4) NOT NULL CHECK (pam_cost_per_partner >= 0),
    pam_currency            CHAR(3)        NOT NULL,
    enablement_hour_cost    NUMERIC(19, 4) NOT NULL CHECK (enablement_hour_cost >= 0),
    enablement_currency     CHAR(3)        NOT NULL,
    updated_by              BIGINT REFERENCES app_user (id),
    updated_at              TIMESTAMPTZ    NOT NULL
);
INSERT INTO roi_cost_rate (id, pam_cost_per_partner, pam_currency, enablement_hour_cost, enablement_currency, updated_at)
VALUES (1, 0, 'USD', 0, 'USD', now());
