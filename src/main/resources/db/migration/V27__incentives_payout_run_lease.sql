-- A payout run holds a lease while it pays and renews it with every partner it pays. A run whose
-- lease ran out (its instance died mid-run) is marked ABANDONED by the next run, which pays what is
-- left; payout_item.earning_id stays the guard against paying anything twice.
ALTER TABLE payout_run
    ADD COLUMN status      TEXT NOT NULL DEFAULT 'FINISHED'
        CHECK (status IN ('RUNNING', 'FINISHED', 'ABANDONED', 'FAILED')),
    ADD COLUMN lease_until TIMESTAMPTZ,
    ADD COLUMN outcome     TEXT;

UPDATE payout_run SET status = 'ABANDONED', outcome = 'cut off before runs held a lease'
WHERE finished_at IS NULL;

ALTER TABLE payout_run ALTER COLUMN status DROP DEFAULT;

-- One run pays at a time.
CREATE UNIQUE INDEX payout_run_one_running ON payout_run (status) WHERE status = 'RUNNING';
