-- Account plans (issue 14): per key partner and account, joint goals (pipeline and revenue in one
-- currency, over dates), an owner on each side (a vendor user, a user of the partner), and actions
-- with due dates and status. One open plan per partner and account.
CREATE TABLE account_plan (
    id                 BIGSERIAL PRIMARY KEY,
    partner_id         BIGINT         NOT NULL REFERENCES partner (id),
    account_id         BIGINT         NOT NULL REFERENCES account (id),
    title              TEXT           NOT NULL,
    pipeline_goal      NUMERIC(18, 4) NOT NULL CHECK (pipeline_goal >= 0),
    revenue_goal       NUMERIC(18, 4) NOT NULL CHECK (revenue_goal >= 0),
    currency           CHAR(3)        NOT NULL,
    starts_on          DATE           NOT NULL,
    ends_on            DATE           NOT NULL,
    vendor_owner_id    BIGINT         NOT NULL REFERENCES app_user (id),
    partner_contact_id BIGINT         NOT NULL REFERENCES app_user (id),
    status             TEXT           NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by         BIGINT         NOT NULL REFERENCES app_user (id),
    created_at         TIMESTAMPTZ    NOT NULL,
    updated_at         TIMESTAMPTZ    NOT NULL,
    CONSTRAINT account_plan_dates CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX account_plan_one_open ON account_plan (partner_id, account_id) WHERE status = 'OPEN';
CREATE INDEX account_plan_account_idx ON account_plan (account_id);

CREATE TABLE account_plan_action (
    id          BIGSERIAL PRIMARY KEY,
    plan_id     BIGINT      NOT NULL REFERENCES account_plan (id),
    description TEXT        NOT NULL,
    side        TEXT        NOT NULL CHECK (side IN ('VENDOR', 'PARTNER')),
    due_on      DATE        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_plan_action_plan_idx ON account_plan_action (plan_id, due_on);
CREATE INDEX account_plan_action_open_due_idx ON account_plan_action (due_on) WHERE status = 'OPEN';
