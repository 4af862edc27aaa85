-- While a deal's partner credit is disputed its earnings are held: a payout run leaves every
-- earning of the deal unpaid until the dispute is decided (released_at). One hold per dispute.
CREATE TABLE earning_hold (
    dispute_id     BIGINT      PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    held_at        TIMESTAMPTZ NOT NULL,
    released_at    TIMESTAMPTZ,
    outcome        TEXT
);
CREATE INDEX earning_hold_open_idx ON earning_hold (opportunity_id) WHERE released_at IS NULL;
