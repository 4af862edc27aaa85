-- Issue 15: the activity events (20 million rows on the large demo) partitioned by month of
-- occurred_at, so scans over a period read only that period's partitions and old months can
-- be dropped whole (trellis.activity.retention-months). Months are UTC calendar months.
-- Partitions are named activity_event_YYYY_MM; activity.ActivityPartitions creates the coming
-- months ahead and moves rows that landed in the default partition into their month.
ALTER TABLE activity_event RENAME TO activity_event_unpartitioned;
ALTER INDEX activity_event_pkey RENAME TO activity_event_unpartitioned_pkey;
ALTER INDEX activity_event_partner_time_idx RENAME TO activity_event_unpartitioned_partner_time_idx;
ALTER INDEX activity_event_time_idx RENAME TO activity_event_unpartitioned_time_idx;

-- the primary key of a partitioned table must hold the partition key; ids stay unique as
-- they all come from the one sequence
CREATE TABLE activity_event (
    id          BIGINT      NOT NULL DEFAULT nextval('activity_event_id_seq'),
    partner_id  BIGINT      NOT NULL,
    user_id     BIGINT,
    type        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    detail      TEXT
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE activity_event_id_seq OWNED BY activity_event.id;
CREATE TABLE activity_event_default PARTITION OF activity_event DEFAULT;

DO $$
DECLARE
    first_month TIMESTAMPTZ;
    last_month  TIMESTAMPTZ;
    month       TIMESTAMPTZ;
BEGIN
    SELECT date_trunc('month', min(occurred_at), 'UTC'), date_trunc('month', max(occurred_at), 'UTC')
      INTO first_month, last_month
      FROM activity_event_unpartitioned;
    month := first_month;
    WHILE month IS NOT NULL AND month <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF activity_event FOR VALUES FROM (%L) TO (%L)',
                       'activity_event_' || to_char(month AT TIME ZONE 'UTC', 'YYYY_MM'),
                       month, (month AT TIME ZONE 'UTC' + INTERVAL '1 month') AT TIME ZONE 'UTC');
        month := (month AT TIME ZONE 'UTC' + INTERVAL '1 month') AT TIME ZONE 'UTC';
    END LOOP;
END $$;

-- rows first, then keys, indexes and references: one pass each instead of per row
INSERT INTO activity_event (id, partner_id, user_id, type, occurred_at, detail)
SELECT id, partner_id, user_id, type, occurred_at, detail FROM activity_event_unpartitioned;
DROP TABLE activity_event_unpartitioned;

ALTER TABLE activity_event ADD PRIMARY KEY (id, occurred_at);
CREATE INDEX activity_event_partner_time_idx ON activity_event (partner_id, occurred_at DESC);
CREATE INDEX activity_event_time_idx ON activity_event (occurred_at);
ALTER TABLE activity_event ADD CONSTRAINT activity_event_partner_id_fkey
    FOREIGN KEY (partner_id) REFERENCES partner (id);
ALTER TABLE activity_event ADD CONSTRAINT activity_event_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES app_user (id);

-- V101's triggers keeping partner_activity_fact went with the old table; the events did not
-- change, so the facts are still right and the triggers come back only now (statement
-- triggers on the partitioned table see the rows of every partition). Moving rows between
-- partitions (ActivityPartitions) writes the partitions directly and fires none of them.
CREATE TRIGGER facts_activity_inserted AFTER INSERT ON activity_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE TRIGGER facts_activity_updated AFTER UPDATE ON activity_event
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE TRIGGER facts_activity_deleted AFTER DELETE ON activity_event
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION facts_on_activity();
CREATE TRIGGER facts_activity_truncated AFTER TRUNCATE ON activity_event
    FOR EACH STATEMENT EXECUTE FUNCTION facts_activity_on_truncate();
ANALYZE activity_event;
