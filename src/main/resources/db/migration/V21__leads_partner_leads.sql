-- Leads a partner hands to the vendor (§C10: partner leads received, accepted and followed up).
-- A lead is routed to an account executive: the owner of the matching account, or a rep the PAM
-- picks. The follow-up deadline is fixed when the lead is routed, so changing the configured
-- window later does not rewrite history.
CREATE TABLE partner_lead (
    id                  BIGSERIAL PRIMARY KEY,
    partner_id          BIGINT      NOT NULL REFERENCES partner (id),
    submitted_by        BIGINT      NOT NULL REFERENCES app_user (id),
    company_name        TEXT        NOT NULL,
    company_domain      TEXT,
    registrable_domain  TEXT,
    contact_name        TEXT        NOT NULL,
    contact_email       TEXT,
    note                TEXT,
    status              TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'ROUTED', 'ACCEPTED', 'DECLINED')),
    routing_reason      TEXT        NOT NULL,
    account_id          BIGINT REFERENCES account (id),
    rep_id              BIGINT REFERENCES app_user (id),
    submitted_at        TIMESTAMPTZ NOT NULL,
    routed_at           TIMESTAMPTZ,
    follow_up_due_at    TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    decline_reason      TEXT,
    opportunity_id      BIGINT REFERENCES opportunity (id),
    first_follow_up_at  TIMESTAMPTZ,
    follow_up_note      TEXT,
    CHECK ((status = 'SUBMITTED') = (rep_id IS NULL)),
    CHECK ((rep_id IS NULL) = (routed_at IS NULL) AND (routed_at IS NULL) = (follow_up_due_at IS NULL)),
    CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
    CHECK (status IN ('ACCEPTED', 'DECLINED') = (decided_at IS NOT NULL)),
    CHECK (opportunity_id IS NULL OR status = 'ACCEPTED')
);
CREATE INDEX partner_lead_partner_idx ON partner_lead (partner_id, submitted_at DESC);
CREATE INDEX partner_lead_rep_idx ON partner_lead (rep_id, routed_at);
CREATE INDEX partner_lead_waiting_idx ON partner_lead (submitted_at) WHERE status = 'SUBMITTED';
