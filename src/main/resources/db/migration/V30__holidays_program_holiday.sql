-- Days the whole program is off, added by a program admin on top of the business
-- region's public holidays (which come from the Jollyday library, not from this table).
CREATE TABLE program_holiday (
    day      DATE        PRIMARY KEY,
    name     TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    added_by BIGINT      NOT NULL REFERENCES app_user (id),
    added_at TIMESTAMPTZ NOT NULL
);
