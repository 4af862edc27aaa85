-- API creates sent once (identity IdempotentCreates): a POST that creates a record and
-- carries an Idempotency-Key keeps the key, a hash of the request and the answer it got,
-- written in the same transaction as the record. The same key sent again by the same user
-- gets that answer again and creates nothing; with another request it is refused.
CREATE TABLE api_idempotency (
    user_id BIGINT NOT NULL,
    key TEXT NOT NULL,
    request_hash BYTEA NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    status INT,
    content_type TEXT,
    body BYTEA,
    PRIMARY KEY (user_id, key)
);
-- the clean-up's range scan
CREATE INDEX api_idempotency_sent_at ON api_idempotency (sent_at);
