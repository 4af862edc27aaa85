-- Signals of partner behaviour: logins, registrations, training, content use, interactions.
CREATE TABLE activity_event (
    id          BIGSERIAL PRIMARY KEY,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    user_id     BIGINT REFERENCES app_user (id),
    type        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    detail      TEXT
);
CREATE INDEX activity_event_partner_time_idx ON activity_event (partner_id, occurred_at DESC);
CREATE INDEX activity_event_time_idx ON activity_event (occurred_at);
