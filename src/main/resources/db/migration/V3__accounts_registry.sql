-- The vendor's customers and prospects.
CREATE TABLE account (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL,
    web_domain    TEXT,
    industry      TEXT,
    employee_band TEXT CHECK (employee_band IN ('1-50', '51-200', '201-1000', '1001-5000', '5000+')),
    owner_ae_id   BIGINT REFERENCES app_user (id),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_domain_idx ON account (web_domain);
CREATE INDEX account_owner_idx ON account (owner_ae_id);
CREATE INDEX account_name_idx ON account (lower(name) text_pattern_ops);
