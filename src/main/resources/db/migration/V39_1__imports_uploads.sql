-- Files uploaded on the Import page, kept while the admin goes through the mapping step
-- (each check and the final run read them again), so the browser sends them once.
CREATE TABLE import_upload (
    id            BIGSERIAL PRIMARY KEY,
    source_system TEXT        NOT NULL CHECK (source_system IN ('SALESFORCE', 'HUBSPOT')),
    uploaded_by   BIGINT      NOT NULL REFERENCES app_user (id),
    uploaded_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE import_upload_file (
    upload_id BIGINT NOT NULL REFERENCES import_upload (id) ON DELETE CASCADE,
    name      TEXT   NOT NULL,
    content   TEXT   NOT NULL,
    PRIMARY KEY (upload_id, name)
);
