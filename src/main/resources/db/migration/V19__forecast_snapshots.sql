-- The owner's commit call on a deal; the other categories follow from its probability.
CREATE TABLE forecast_call (
    opportunity_id BIGINT PRIMARY KEY REFERENCES opportunity (id),
    called_by      BIGINT      NOT NULL REFERENCES app_user (id),
    called_at      TIMESTAMPTZ NOT NULL
);

-- Weekly forecast snapshots, one per week, scope and quarter (the unique key makes the job safe
-- to run twice or on two instances).
CREATE TABLE forecast_snapshot (
    week_start  DATE           NOT NULL,
    scope_kind  TEXT           NOT NULL CHECK (scope_kind IN ('PROGRAM', 'PAM', 'MANAGER')),
    scope_id    BIGINT         NOT NULL DEFAULT 0,
    quarter     TEXT           NOT NULL,
    commit      NUMERIC(19, 2) NOT NULL,
    best_case   NUMERIC(19, 2) NOT NULL,
    weighted    NUMERIC(19, 2) NOT NULL,
    closed      NUMERIC(19, 2) NOT NULL,
    taken_at    TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (week_start, scope_kind, scope_id, quarter)
);
