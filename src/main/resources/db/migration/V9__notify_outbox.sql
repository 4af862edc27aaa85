-- In-app notices for a partner (its inbox) and their deliveries by e-mail and Slack (the outbox).
CREATE TABLE notification (
    id          BIGSERIAL PRIMARY KEY,
    notice_key  TEXT        NOT NULL UNIQUE,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    kind        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    link        TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_partner_idx ON notification (partner_id, created_at DESC);

CREATE TABLE notification_delivery (
    id              BIGSERIAL PRIMARY KEY,
    notification_id BIGINT      NOT NULL REFERENCES notification (id),
    channel         TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'SLACK')),
    recipient       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (notification_id, channel, recipient)
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';

-- Where a partner wants its notices besides the portal and e-mail.
CREATE TABLE partner_channel (
    partner_id        BIGINT PRIMARY KEY REFERENCES partner (id),
    slack_webhook_url TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
