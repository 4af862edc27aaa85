-- Overlap-sourced pipeline (issue 14): a deal a partner was attached to, or asked for co-sell help
-- on, after the overlap of that partner with the deal's account had been shown. One row per deal
-- and partner; the first action counts. shown_to/shown_at copy the showing it came from.
CREATE TABLE overlap_sourced_deal (
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    via            TEXT        NOT NULL CHECK (via IN ('ATTACHED', 'COSELL_REQUEST')),
    acted_by       BIGINT REFERENCES app_user (id),
    recorded_at    TIMESTAMPTZ NOT NULL,
    shown_to       BIGINT      NOT NULL REFERENCES app_user (id),
    shown_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (opportunity_id, partner_id),
    CONSTRAINT overlap_sourced_after_shown CHECK (shown_at <= recorded_at)
);
CREATE INDEX overlap_sourced_recorded_idx ON overlap_sourced_deal (recorded_at);
