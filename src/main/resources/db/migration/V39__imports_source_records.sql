-- Where each imported row came from: the source system's id of the record and the
-- Trellis record it became, so that importing a file again updates the row instead of
-- adding it twice. The fingerprint is a digest of the values the row was imported with;
-- an unchanged row is not written again.
CREATE TABLE import_record (
    source_system  TEXT        NOT NULL CHECK (source_system IN ('SALESFORCE', 'HUBSPOT', 'TRELLIS')),
    object_type    TEXT        NOT NULL,
    source_id      TEXT        NOT NULL,
    target_id      BIGINT      NOT NULL,
    fingerprint    TEXT        NOT NULL,
    amount_unknown BOOLEAN     NOT NULL DEFAULT FALSE,
    imported_at    TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_system, object_type, source_id)
);
CREATE INDEX import_record_target_idx ON import_record (object_type, target_id);
