-- Create forms sent once (shared FormOnce): the token a create page's form carried, kept
-- with the page of the record its first successful send created, written in the same
-- transaction as the record. A second send of the same form finds it and creates nothing.
CREATE TABLE form_submission (
    token UUID PRIMARY KEY,
    user_id BIGINT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    target TEXT
);
-- the clean-up's range scan
CREATE INDEX form_submission_sent_at ON form_submission (sent_at);
