-- Partner scores, one row per partner, fiscal week and score: the current week's row is rewritten
-- by each daily run, so a finished week keeps the last computation made in it.
CREATE TABLE partner_score_week (
    partner_id     BIGINT       NOT NULL REFERENCES partner (id),
    week_start     DATE         NOT NULL,
    fiscal_week    TEXT         NOT NULL,
    as_of          DATE         NOT NULL,
    pillar         TEXT         NOT NULL CHECK (pillar IN ('READINESS', 'BEHAVIOUR', 'TRUST')),
    score          NUMERIC(4, 1) CHECK (score BETWEEN 0 AND 100),
    unknown_reason TEXT,
    computed_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (partner_id, week_start, pillar),
    CONSTRAINT partner_score_known_or_why CHECK ((score IS NULL) = (unknown_reason IS NOT NULL))
);
CREATE INDEX partner_score_week_week_idx ON partner_score_week (week_start, pillar);

-- Each signal's reading behind a week's scores: its value, its points (null when not counted) and
-- the evidence or the reason it is unknown.
CREATE TABLE partner_signal_week (
    partner_id BIGINT         NOT NULL REFERENCES partner (id),
    week_start DATE           NOT NULL,
    signal     TEXT           NOT NULL,
    pillar     TEXT           NOT NULL CHECK (pillar IN ('READINESS', 'BEHAVIOUR', 'TRUST')),
    value      NUMERIC(14, 2),
    points     NUMERIC(4, 1),
    reason     TEXT           NOT NULL,
    PRIMARY KEY (partner_id, week_start, signal)
);

-- One row per day the scores were recomputed: the daily job runs once per day whichever instance
-- gets there first (advisory lock plus this key, in the run's transaction).
CREATE TABLE scoring_run (
    day         DATE        PRIMARY KEY,
    partners    INT         NOT NULL,
    weeks       INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL
);
