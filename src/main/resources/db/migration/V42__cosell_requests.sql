-- A co-sell request: an account executive (or the partner's PAM, or an admin) asks a partner for
-- help on a deal and the partner answers; the time to the answer is the partner's responsiveness.
CREATE TABLE cosell_request (
    id             BIGSERIAL PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    deal_name      TEXT        NOT NULL, -- the deal's name as the partner was told it when asked
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    requested_by   BIGINT      NOT NULL REFERENCES app_user (id),
    requested_at   TIMESTAMPTZ NOT NULL,
    ask            TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED')),
    answered_by    BIGINT REFERENCES app_user (id),
    answered_at    TIMESTAMPTZ,
    answer         TEXT,
    CONSTRAINT cosell_answer_complete CHECK ((status = 'OPEN') = (answered_at IS NULL)
        AND (answered_at IS NULL) = (answered_by IS NULL)),
    CONSTRAINT cosell_answer_after_ask CHECK (answered_at IS NULL OR answered_at >= requested_at)
);
CREATE UNIQUE INDEX cosell_request_one_open ON cosell_request (opportunity_id, partner_id) WHERE status = 'OPEN';
CREATE INDEX cosell_request_partner_idx ON cosell_request (partner_id, requested_at);
CREATE INDEX cosell_request_requester_idx ON cosell_request (requested_by, requested_at DESC);
