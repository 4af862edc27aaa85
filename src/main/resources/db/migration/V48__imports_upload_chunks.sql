-- Uploaded export files are kept as chunks of bytes (about a megabyte each) instead of one
-- text value, so a file of a million rows is written and read back streaming, never held
-- in memory whole.
CREATE TABLE import_upload_chunk (
    upload_id BIGINT NOT NULL REFERENCES import_upload (id) ON DELETE CASCADE,
    name      TEXT   NOT NULL,
    seq       INT    NOT NULL,
    bytes     BYTEA  NOT NULL,
    PRIMARY KEY (upload_id, name, seq)
);

INSERT INTO import_upload_chunk (upload_id, name, seq, bytes)
SELECT upload_id, name, 0, convert_to(content, 'UTF8') FROM import_upload_file;

DROP TABLE import_upload_file;
