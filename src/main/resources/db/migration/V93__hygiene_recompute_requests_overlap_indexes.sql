-- Duplicate accounts are recomputed by a job only, never in a request: an admin's "recompute
-- now" queues a request here (one row at most) that the job takes up on its next run and
-- clears in the transaction that stores the new result.
CREATE TABLE hygiene_duplicate_request (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    requested_at TIMESTAMPTZ NOT NULL,
    requested_by BIGINT      REFERENCES app_user (id)
);

-- Overlapping registrations (hygiene): open registrations of different partners on the same
-- account, registrable domain or normalised name. Joined on "account OR domain OR name" no
-- index could serve it and every open registration was compared with every other; the
-- check now joins once per key (UNION) and each join finds the other partners' open
-- registrations with the same key here.
CREATE INDEX deal_registration_open_account_partner_idx ON deal_registration (account_id, partner_id)
    WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED');
CREATE INDEX deal_registration_open_domain_partner_idx ON deal_registration (registrable_domain, partner_id)
    WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED');
CREATE INDEX deal_registration_open_name_partner_idx ON deal_registration (normalized_name, partner_id)
    WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED');
