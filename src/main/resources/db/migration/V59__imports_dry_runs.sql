-- The check of an export (dry run) runs in the background as the real run does, with the
-- same durable status and progress; it writes nothing, so it does not take the one slot of
-- the real runs (several checks may run beside a real run). The mapping a run used is kept
-- so the page can show the check's result with the choices it was made with.
ALTER TABLE import_run ADD COLUMN dry_run BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE import_run ADD COLUMN mapping JSONB;
DROP INDEX import_run_one_at_a_time;
CREATE UNIQUE INDEX import_run_one_at_a_time ON import_run ((true)) WHERE status = 'RUNNING' AND NOT dry_run;
