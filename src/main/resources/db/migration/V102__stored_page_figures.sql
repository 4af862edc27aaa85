-- Program-wide page figures computed by a daily job and read by the pages (issue 15):
-- one row per figure set and scope (0 = the whole program, else the PAM's user id), with
-- the time it was computed, so a page shows "as of" instead of computing it per request.
CREATE TABLE stored_page_figures (
    name        TEXT        NOT NULL,
    scope       BIGINT      NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    body        JSONB       NOT NULL,
    PRIMARY KEY (name, scope)
);
