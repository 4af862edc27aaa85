-- Overlapping registrations (hygiene) as the job last counted them, so that no request
-- compares registrations: per open registration with at least one open registration of
-- another partner on the same account, registrable domain or normalised name, how many
-- distinct such registrations there are and how many share each key. Requests read these
-- rows and drop the ones whose registration is no longer open (decided or withdrawn since
-- the run); the state row holds a signature of the registrations the rows were counted for,
-- a different signature means they changed and the job counts them again.
CREATE TABLE hygiene_overlap (
    registration_id BIGINT PRIMARY KEY REFERENCES deal_registration (id) ON DELETE CASCADE,
    partner_id      BIGINT NOT NULL,
    others          INT    NOT NULL,
    on_account      INT    NOT NULL,
    on_domain       INT    NOT NULL,
    on_name         INT    NOT NULL
);
-- a PAM's book: the rows of their partners
CREATE INDEX hygiene_overlap_partner_idx ON hygiene_overlap (partner_id, registration_id);

CREATE TABLE hygiene_overlap_state (
    id                       SMALLINT    PRIMARY KEY CHECK (id = 1),
    registrations_signature  TEXT        NOT NULL,
    computed_at              TIMESTAMPTZ NOT NULL
);

-- the open registrations' ids alone: the stored rows still open are found by an index-only
-- scan instead of a visit to each registration
CREATE INDEX deal_registration_open_id_idx ON deal_registration (id)
    WHERE status IN ('PENDING', 'NEEDS_INFO', 'APPROVED');
