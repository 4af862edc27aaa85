-- Outbound webhooks: who receives which events, the messages written when an event happens,
-- one delivery per subscription and message (the outbox), and every attempt made.
CREATE TABLE webhook_subscription (
    id              BIGSERIAL PRIMARY KEY,
    url             TEXT        NOT NULL,
    event_types     TEXT[]      NOT NULL,
    description     TEXT,
    secret          TEXT        NOT NULL,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    disabled_reason TEXT,
    created_by      BIGINT REFERENCES app_user (id),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- One message per event occurrence; its id is the webhook-id header, the same on every retry.
CREATE TABLE webhook_message (
    id         TEXT PRIMARY KEY,
    type       TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_delivery (
    id               BIGSERIAL PRIMARY KEY,
    subscription_id  BIGINT      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id       TEXT        NOT NULL REFERENCES webhook_message (id),
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_status_code INT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    UNIQUE (subscription_id, message_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE webhook_attempt (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  BIGINT      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    duration_ms  INT         NOT NULL,
    error        TEXT
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, attempted_at);
