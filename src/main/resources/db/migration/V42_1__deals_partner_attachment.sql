-- Who put the partner on a deal, when, how and with which credit: the rep (owner or manager), an
-- admin, an approved registration, or the PAM deciding a registration that collided with the
-- deal. An account executive attaching a partner as influencer or co-seller, without a manager's
-- prompt, is an AE invitation (trust signals of the scoring module).
CREATE TABLE deal_partner_attachment (
    opportunity_id BIGINT PRIMARY KEY REFERENCES opportunity (id),
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    attached_by    BIGINT REFERENCES app_user (id),
    attached_at    TIMESTAMPTZ NOT NULL,
    via            TEXT        NOT NULL CHECK (via IN ('REP', 'ADMIN', 'REGISTRATION', 'PAM')),
    credit_type    TEXT        NOT NULL CHECK (credit_type IN ('SOURCED', 'INFLUENCED', 'CO_SELL'))
);
CREATE INDEX deal_partner_attachment_partner_idx ON deal_partner_attachment (partner_id, attached_at);

-- Deals that had a partner before this table: opened from a registration, joined by a PAM's
-- decision on a colliding registration, or otherwise attached by the owner when created (the
-- closest moment the records give).
INSERT INTO deal_partner_attachment (opportunity_id, partner_id, attached_by, attached_at, via, credit_type)
SELECT o.id, o.partner_id,
       coalesce(joined.decided_by, opened.decided_by, o.owner_id),
       coalesce(joined.approved_at, opened.approved_at, o.created_at),
       CASE WHEN joined.id IS NOT NULL THEN 'PAM' WHEN opened.id IS NOT NULL THEN 'REGISTRATION' ELSE 'REP' END,
       o.credit_type
FROM opportunity o
LEFT JOIN LATERAL (SELECT r.id, r.decided_by, r.approved_at FROM deal_registration r
                   WHERE r.opportunity_id = o.id ORDER BY r.id LIMIT 1) opened ON TRUE
LEFT JOIN LATERAL (SELECT r.id, r.decided_by, r.approved_at FROM deal_registration r
                   WHERE r.direct_conflict_id = o.id AND r.status = 'APPROVED' AND r.partner_id = o.partner_id
                   ORDER BY r.id LIMIT 1) joined ON TRUE
WHERE o.partner_id IS NOT NULL;
