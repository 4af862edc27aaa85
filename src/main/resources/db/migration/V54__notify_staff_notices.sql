-- Notices for vendor staff: an inbox row belongs to a partner (its portal inbox) or to one
-- user; a user's notices are marked read when opened. Each user chooses which kinds reach
-- them by e-mail and by Slack (the in-app inbox always has them), and may name a Slack
-- incoming webhook of their own.
ALTER TABLE notification ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN user_id BIGINT REFERENCES app_user (id);
ALTER TABLE notification ADD COLUMN read_at TIMESTAMPTZ;
ALTER TABLE notification ADD CONSTRAINT notification_one_recipient CHECK ((partner_id IS NULL) <> (user_id IS NULL));
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE user_id IS NOT NULL AND read_at IS NULL;

CREATE TABLE notice_preference (
    user_id BIGINT  NOT NULL REFERENCES app_user (id),
    kind    TEXT    NOT NULL,
    channel TEXT    NOT NULL CHECK (channel IN ('EMAIL', 'SLACK')),
    enabled BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

CREATE TABLE user_channel (
    user_id           BIGINT PRIMARY KEY REFERENCES app_user (id),
    slack_webhook_url TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
