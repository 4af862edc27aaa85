-- Cohorts (§C15): groups of partners defined by rule (maturity band x vertical x delivery model,
-- split or merged to 10-25 partners) or by hand. A retired cohort keeps its rows for history.
CREATE TABLE cohort (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('RULE', 'MANUAL')),
    rule_key    TEXT,
    basis       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  BIGINT REFERENCES app_user (id),
    retired_at  TIMESTAMPTZ,
    CONSTRAINT cohort_rule_has_key CHECK ((kind = 'RULE') = (rule_key IS NOT NULL))
);
CREATE UNIQUE INDEX cohort_active_rule_key ON cohort (rule_key) WHERE retired_at IS NULL;

-- A partner's membership of a cohort, valid from .. to (open while current). A partner is in at
-- most one current rule cohort (enforced by the service) and in any number of manual ones.
CREATE TABLE cohort_membership (
    id          BIGSERIAL PRIMARY KEY,
    cohort_id   BIGINT      NOT NULL REFERENCES cohort (id),
    partner_id  BIGINT      NOT NULL REFERENCES partner (id),
    valid_from  TIMESTAMPTZ NOT NULL,
    valid_to    TIMESTAMPTZ,
    reason      TEXT        NOT NULL,
    CONSTRAINT cohort_membership_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX cohort_membership_current ON cohort_membership (cohort_id, partner_id) WHERE valid_to IS NULL;
CREATE INDEX cohort_membership_partner ON cohort_membership (partner_id, valid_from);

-- The journey's entry criteria per stage: data with documented defaults, changed by the admin.
CREATE TABLE journey_stage (
    stage                 TEXT PRIMARY KEY CHECK (stage IN ('AWARENESS', 'ACTIVATION', 'ACCELERATION')),
    position              INT  NOT NULL UNIQUE,
    min_enablement_180d   INT  NOT NULL CHECK (min_enablement_180d >= 0),
    min_deals_180d        INT  NOT NULL CHECK (min_deals_180d >= 0),
    min_wins_365d         INT  NOT NULL CHECK (min_wins_365d >= 0),
    min_ae_invites_365d   INT  NOT NULL CHECK (min_ae_invites_365d >= 0)
);
INSERT INTO journey_stage VALUES ('AWARENESS', 1, 0, 0, 0, 0), ('ACTIVATION', 2, 1, 1, 0, 0),
                                 ('ACCELERATION', 3, 1, 2, 2, 1);

-- Where each partner stood on the journey at the end of each fiscal week (rewritten for the
-- current week by the daily run).
CREATE TABLE journey_placement (
    partner_id  BIGINT NOT NULL REFERENCES partner (id),
    week_start  DATE   NOT NULL,
    fiscal_week TEXT   NOT NULL,
    stage       TEXT   NOT NULL CHECK (stage IN ('AWARENESS', 'ACTIVATION', 'ACCELERATION')),
    reason      TEXT   NOT NULL,
    PRIMARY KEY (partner_id, week_start)
);
CREATE INDEX journey_placement_week ON journey_placement (week_start);
