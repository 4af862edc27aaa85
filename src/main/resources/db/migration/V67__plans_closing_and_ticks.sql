-- Account plans close (issue 14): achieved or abandoned, with the outcome in a note, by whom and
-- when. An action marked done keeps who did so and when (a partner user ticks its own side's);
-- actions done before this version do not know it (null).
ALTER TABLE account_plan
    ADD COLUMN outcome      TEXT CHECK (outcome IN ('ACHIEVED', 'ABANDONED')),
    ADD COLUMN outcome_note TEXT,
    ADD COLUMN closed_by    BIGINT REFERENCES app_user (id),
    ADD COLUMN closed_at    TIMESTAMPTZ,
    ADD CONSTRAINT account_plan_closed_with_outcome
        CHECK ((status = 'CLOSED') = (outcome IS NOT NULL AND outcome_note IS NOT NULL AND closed_at IS NOT NULL));

ALTER TABLE account_plan_action
    ADD COLUMN done_by BIGINT REFERENCES app_user (id),
    ADD COLUMN done_at TIMESTAMPTZ;
