-- Marketplace transactions (§C18): a partner's sales through a cloud or app marketplace,
-- imported in the Trellis marketplace format (docs/import.md) and read as a leading
-- indicator in ROI (docs/roi.md). Each comes with the marketplace's own id (source_id),
-- unique, so that a file imported again changes nothing. Money is kept with its currency
-- at four stored decimals; reports convert it into the reporting currency.
CREATE TABLE marketplace_transaction (
    id            BIGSERIAL      PRIMARY KEY,
    source_id     TEXT           NOT NULL UNIQUE,
    partner_id    BIGINT         NOT NULL REFERENCES partner (id),
    customer      TEXT           NOT NULL,
    listing       TEXT           NOT NULL,
    amount        NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    currency      CHAR(3)        NOT NULL,
    transacted_on DATE           NOT NULL,
    recorded_by   BIGINT         REFERENCES app_user (id),
    recorded_at   TIMESTAMPTZ    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX marketplace_transaction_partner_idx ON marketplace_transaction (partner_id, transacted_on);
CREATE INDEX marketplace_transaction_day_idx ON marketplace_transaction (transacted_on);
