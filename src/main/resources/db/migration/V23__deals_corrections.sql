-- Corrections of a closed deal's money (amount, currency) by a program admin, and of its
-- credit by an upheld credit dispute: what changed, from what to what, why, by whom, when.
CREATE TABLE deal_correction (
    id             BIGSERIAL PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    what           TEXT        NOT NULL CHECK (what IN ('MONEY', 'CREDIT')),
    before         TEXT        NOT NULL,
    after          TEXT        NOT NULL,
    reason         TEXT        NOT NULL CHECK (length(btrim(reason)) > 0),
    corrected_by   BIGINT REFERENCES app_user (id),
    corrected_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX deal_correction_opportunity_idx ON deal_correction (opportunity_id, corrected_at);

-- Incentives apply each correction once (reverse what the deal earned, earn anew), however
-- often its event is delivered: the correction id is the key.
CREATE TABLE incentive_correction (
    correction_id  BIGINT PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    applied_at     TIMESTAMPTZ NOT NULL
);
