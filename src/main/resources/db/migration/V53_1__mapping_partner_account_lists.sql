-- Account mapping (issue 14): a partner's customer and prospect list, uploaded by the partner or
-- its PAM. Each upload is kept (history); the latest is the current one. Rows carry their match
-- to one of the vendor's accounts: automatic, or possible for a person to confirm or reject.
CREATE TABLE partner_account_list (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    uploaded_by BIGINT      NOT NULL REFERENCES app_user (id),
    uploaded_at TIMESTAMPTZ NOT NULL,
    row_count   INT         NOT NULL,
    current     BOOLEAN     NOT NULL
);
CREATE UNIQUE INDEX partner_account_list_one_current ON partner_account_list (partner_id) WHERE current;
CREATE INDEX partner_account_list_partner_idx ON partner_account_list (partner_id, uploaded_at DESC);

CREATE TABLE partner_account (
    id                 BIGSERIAL PRIMARY KEY,
    list_id            BIGINT NOT NULL REFERENCES partner_account_list (id),
    partner_id         BIGINT NOT NULL REFERENCES partner (id),
    row_number         INT    NOT NULL,
    company_name       TEXT   NOT NULL,
    web_domain         TEXT,
    country            TEXT CHECK (country ~ '^[A-Z]{2}$'),
    status             TEXT   NOT NULL CHECK (status IN ('CUSTOMER', 'PROSPECT')),
    crm_id             TEXT,
    registrable_domain TEXT,
    normalized_name    TEXT,
    account_id         BIGINT REFERENCES account (id),
    match_confidence   TEXT CHECK (match_confidence IN ('AUTOMATIC', 'POSSIBLE')),
    match_reason       TEXT,
    CONSTRAINT partner_account_match_complete CHECK ((account_id IS NULL) = (match_confidence IS NULL))
);
CREATE INDEX partner_account_list_rows_idx ON partner_account (list_id, row_number);
CREATE INDEX partner_account_account_idx ON partner_account (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX partner_account_name_trgm_idx ON partner_account USING gin (normalized_name gin_trgm_ops);

-- A person's answer to a possible match, remembered for later uploads of the same company.
CREATE TABLE partner_account_answer (
    partner_id         BIGINT      NOT NULL REFERENCES partner (id),
    company_key        TEXT        NOT NULL, -- registrable domain and normalised name
    account_id         BIGINT      NOT NULL REFERENCES account (id),
    confirmed          BOOLEAN     NOT NULL,
    answered_by        BIGINT      NOT NULL REFERENCES app_user (id),
    answered_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, company_key, account_id)
);
