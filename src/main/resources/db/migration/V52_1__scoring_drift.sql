-- Each partner's current drift per score (building, stalling, steady or unknown), as the daily run
-- last decided it, and the alerts raised to the PAM: one per change into building or stalling,
-- never two for the same partner, score and week.
CREATE TABLE score_drift (
    partner_id BIGINT      NOT NULL REFERENCES partner (id),
    pillar     TEXT        NOT NULL CHECK (pillar IN ('READINESS', 'BEHAVIOUR', 'TRUST')),
    state      TEXT        NOT NULL CHECK (state IN ('BUILDING', 'STALLING', 'STEADY', 'UNKNOWN')),
    slope      NUMERIC(7, 2),
    week_start DATE        NOT NULL,
    reason     TEXT        NOT NULL,
    PRIMARY KEY (partner_id, pillar)
);

CREATE TABLE score_drift_alert (
    id         BIGSERIAL PRIMARY KEY,
    partner_id BIGINT      NOT NULL REFERENCES partner (id),
    pillar     TEXT        NOT NULL CHECK (pillar IN ('READINESS', 'BEHAVIOUR', 'TRUST')),
    state      TEXT        NOT NULL CHECK (state IN ('BUILDING', 'STALLING')),
    slope      NUMERIC(7, 2) NOT NULL,
    week_start DATE        NOT NULL,
    reason     TEXT        NOT NULL,
    signals    TEXT        NOT NULL,
    raised_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (partner_id, pillar, week_start)
);
CREATE INDEX score_drift_alert_partner_idx ON score_drift_alert (partner_id, raised_at);
