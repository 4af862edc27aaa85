-- A sales manager's prompt to a rep to bring a partner into a deal (pipeline review). A partner on
-- a deal that had a prompt counts as compliance; without one, as adoption.
CREATE TABLE partner_prompt (
    id                   BIGSERIAL PRIMARY KEY,
    opportunity_id       BIGINT      NOT NULL REFERENCES opportunity (id),
    manager_id           BIGINT      NOT NULL REFERENCES app_user (id),
    rep_id               BIGINT      NOT NULL REFERENCES app_user (id),
    suggested_partner_id BIGINT REFERENCES partner (id),
    note                 TEXT,
    prompted_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX partner_prompt_opportunity_idx ON partner_prompt (opportunity_id);
