-- Tiers follow scores (issue 11): the admin's thresholds, each partner's weekly evaluation,
-- the tier history and admin overrides with an expiry.

CREATE TABLE tier_policy (
    id              INT         PRIMARY KEY CHECK (id = 1),
    t1_readiness    INT         NOT NULL CHECK (t1_readiness BETWEEN 0 AND 100),
    t1_behaviour    INT         NOT NULL CHECK (t1_behaviour BETWEEN 0 AND 100),
    t1_trust        INT         NOT NULL CHECK (t1_trust BETWEEN 0 AND 100),
    t2_readiness    INT         NOT NULL CHECK (t2_readiness BETWEEN 0 AND 100),
    t2_behaviour    INT         NOT NULL CHECK (t2_behaviour BETWEEN 0 AND 100),
    t2_trust        INT         NOT NULL CHECK (t2_trust BETWEEN 0 AND 100),
    weeks_held      INT         NOT NULL CHECK (weeks_held BETWEEN 1 AND 26),
    updated_by      BIGINT      REFERENCES app_user (id),
    updated_at      TIMESTAMPTZ NOT NULL
);

INSERT INTO tier_policy VALUES (1, 45, 55, 45, 20, 30, 15, 3, NULL, now());

-- one row per partner and evaluated fiscal week: the scores read, the tier they qualify
-- for (NULL: a score was unknown) and the tier before and after
CREATE TABLE tier_evaluation (
    partner_id   BIGINT       NOT NULL REFERENCES partner (id),
    week_start   DATE         NOT NULL,
    fiscal_week  TEXT         NOT NULL,
    readiness    NUMERIC(4,1),
    behaviour    NUMERIC(4,1),
    trust        NUMERIC(4,1),
    qualified    TEXT         CHECK (qualified IN ('TIER_1_INVEST', 'TIER_2_EMERGING', 'TIER_3_BASELINE')),
    tier_before  TEXT         NOT NULL,
    tier_after   TEXT         NOT NULL,
    note         TEXT         NOT NULL,
    evaluated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (partner_id, week_start)
);

CREATE INDEX tier_evaluation_week ON tier_evaluation (week_start);

CREATE TABLE tier_change (
    id           BIGSERIAL    PRIMARY KEY,
    partner_id   BIGINT       NOT NULL REFERENCES partner (id),
    from_tier    TEXT         NOT NULL,
    to_tier      TEXT         NOT NULL,
    effective_on DATE         NOT NULL,
    kind         TEXT         NOT NULL CHECK (kind IN ('SCORES', 'OVERRIDE', 'OVERRIDE_ENDED', 'MANUAL')),
    readiness    NUMERIC(4,1),
    behaviour    NUMERIC(4,1),
    trust        NUMERIC(4,1),
    reason       TEXT         NOT NULL,
    changed_by   BIGINT       REFERENCES app_user (id),
    changed_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX tier_change_partner ON tier_change (partner_id, effective_on, id);
CREATE INDEX tier_change_changed ON tier_change (changed_at);

CREATE TABLE tier_override (
    id          BIGSERIAL   PRIMARY KEY,
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    tier        TEXT        NOT NULL CHECK (tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING', 'TIER_3_BASELINE')),
    reason      TEXT        NOT NULL,
    starts_on   DATE        NOT NULL,
    expires_on  DATE        NOT NULL,
    created_by  BIGINT      REFERENCES app_user (id),
    created_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    ended_note  TEXT,
    CHECK (expires_on > starts_on)
);

-- at most one override in force per partner
CREATE UNIQUE INDEX tier_override_open ON tier_override (partner_id) WHERE ended_at IS NULL;

-- The tier a partner had on a day, for other modules' SQL (the forecast's per-tier groups):
-- the last change effective on or before the day, else the tier before the first change,
-- else NULL (the caller falls back to the partner's current tier).
CREATE FUNCTION partner_tier_on(p_partner BIGINT, p_day DATE) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT to_tier FROM tier_change WHERE partner_id = p_partner AND effective_on <= p_day
         ORDER BY effective_on DESC, id DESC LIMIT 1),
        (SELECT from_tier FROM tier_change WHERE partner_id = p_partner
         ORDER BY effective_on, id LIMIT 1))
$$;
