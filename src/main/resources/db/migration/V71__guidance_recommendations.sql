-- Guidance (§C16): the recommendations each person was shown, one row per person, kind and
-- subject (so a dismissed or accepted one is never raised again), with its state, the
-- reason and action as shown, and the outcome it aimed at; and the daily runs, one per
-- business day across instances.
CREATE TABLE guidance_recommendation (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT      NOT NULL REFERENCES app_user (id),
    partner_id      BIGINT      REFERENCES partner (id),
    kind            VARCHAR(40) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    title           VARCHAR(300) NOT NULL,
    reason          TEXT        NOT NULL,
    action_label    VARCHAR(100) NOT NULL,
    action_link     VARCHAR(300) NOT NULL,
    state           VARCHAR(20) NOT NULL DEFAULT 'OPEN'
        CHECK (state IN ('OPEN', 'ACCEPTED', 'DISMISSED', 'SNOOZED')),
    dismiss_reason  VARCHAR(500),
    snoozed_until   DATE,
    shown_on        DATE        NOT NULL,
    last_seen_on    DATE        NOT NULL,
    acted_at        TIMESTAMPTZ,
    outcome_due     DATE,
    outcome_at      TIMESTAMPTZ,
    digested_on     DATE,
    UNIQUE (user_id, kind, subject)
);

CREATE INDEX guidance_recommendation_current ON guidance_recommendation (user_id, last_seen_on);
CREATE INDEX guidance_recommendation_outcome ON guidance_recommendation (kind, outcome_due)
    WHERE outcome_due IS NOT NULL;

CREATE TABLE guidance_run (
    day         DATE PRIMARY KEY,
    shown       INT         NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL
);
