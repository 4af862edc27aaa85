-- A cohort's own journey entry criteria, per stage; a stage without a row here follows the
-- program's (journey_stage). Set and cleared by the admin, audited.
CREATE TABLE cohort_journey_stage (
    cohort_id             BIGINT NOT NULL REFERENCES cohort (id),
    stage                 TEXT   NOT NULL CHECK (stage IN ('AWARENESS', 'ACTIVATION', 'ACCELERATION')),
    min_enablement_180d   INT    NOT NULL CHECK (min_enablement_180d >= 0),
    min_deals_180d        INT    NOT NULL CHECK (min_deals_180d >= 0),
    min_wins_365d         INT    NOT NULL CHECK (min_wins_365d >= 0),
    min_ae_invites_365d   INT    NOT NULL CHECK (min_ae_invites_365d >= 0),
    PRIMARY KEY (cohort_id, stage)
);

-- Placements by the program's criteria keep cohort_id 0; a cohort with criteria of its own
-- also gets its members placed by them, under its id.
ALTER TABLE journey_placement ADD COLUMN cohort_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE journey_placement DROP CONSTRAINT journey_placement_pkey;
ALTER TABLE journey_placement ADD PRIMARY KEY (partner_id, week_start, cohort_id);
