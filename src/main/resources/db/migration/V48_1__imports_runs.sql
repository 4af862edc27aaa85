-- A real import run as a background job with durable status: what phase it is in, how many
-- rows it has read, validated and applied, when it started and finished, and why it failed.
-- The run applies everything in one transaction that also marks it SUCCEEDED, so a run that
-- is RUNNING has applied nothing yet. A run whose instance stopped (no heartbeat for a
-- minute) is marked FAILED by the next check of any instance. One run at a time.
CREATE TABLE import_run (
    id             BIGSERIAL PRIMARY KEY,
    upload_id      BIGINT      NOT NULL REFERENCES import_upload (id) ON DELETE CASCADE,
    source_system  TEXT        NOT NULL CHECK (source_system IN ('SALESFORCE', 'HUBSPOT')),
    started_by     BIGINT      NOT NULL REFERENCES app_user (id),
    status         TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    phase          TEXT        NOT NULL,
    rows_read      BIGINT      NOT NULL DEFAULT 0,
    rows_validated BIGINT      NOT NULL DEFAULT 0,
    rows_applied   BIGINT      NOT NULL DEFAULT 0,
    started_at     TIMESTAMPTZ NOT NULL,
    heartbeat_at   TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    error          TEXT,
    report         JSONB
);
CREATE UNIQUE INDEX import_run_one_at_a_time ON import_run ((true)) WHERE status = 'RUNNING';
CREATE INDEX import_run_started_idx ON import_run (started_at DESC);
