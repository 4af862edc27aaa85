-- The first daily run back-fills the weeks before it one week per transaction; each
-- week's row here is written in the same transaction as its scores, so a run that
-- crashed between weeks resumes with the weeks still missing.
CREATE TABLE scoring_backfill_week (
    week_start DATE        PRIMARY KEY,
    partners   INT         NOT NULL,
    done_at    TIMESTAMPTZ NOT NULL
);
