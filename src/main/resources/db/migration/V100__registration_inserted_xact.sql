-- The conflict check searches a customer's open registrations before it takes the
-- customer's locks, then, under them, re-reads only what changed since: the registrations
-- it found (their status may have moved) and those inserted by a transaction its search
-- could not see. Those carry an id (64-bit transaction id) at least the search snapshot's
-- xmin (pg_snapshot_xmin: every transaction below it had ended), whatever order their ids
-- were drawn and committed in. Rows inserted before this migration keep NULL: they were
-- committed long before any search.
ALTER TABLE deal_registration ADD COLUMN inserted_xact BIGINT;
ALTER TABLE deal_registration ALTER COLUMN inserted_xact SET DEFAULT CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT);

CREATE INDEX deal_registration_open_inserted_xact_idx ON deal_registration (inserted_xact)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED') AND inserted_xact IS NOT NULL;
