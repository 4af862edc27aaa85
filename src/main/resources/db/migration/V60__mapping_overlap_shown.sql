-- Account mapping (issue 14): when an overlap (a partner that has one of our accounts on its
-- current list) was first shown, and to whom: on the account's or a deal's partner panel, through
-- the API, or in the PAM's drill-down. A deal the partner joins after that is overlap-sourced.
CREATE TABLE overlap_shown (
    account_id BIGINT      NOT NULL REFERENCES account (id),
    partner_id BIGINT      NOT NULL REFERENCES partner (id),
    shown_to   BIGINT      NOT NULL REFERENCES app_user (id),
    shown_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, partner_id, shown_to)
);
CREATE INDEX overlap_shown_first_idx ON overlap_shown (account_id, partner_id, shown_at);
