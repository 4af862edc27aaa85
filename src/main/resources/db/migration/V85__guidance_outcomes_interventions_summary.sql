-- Guidance learning (§C16): each recommendation about a partner records the outcome it aims at
-- (an introduction a co-sell request, the others a deal registration) and, for a stalling
-- partner, the intervention chosen; and a per-kind summary of the usefulness counts, written
-- by the daily run, so that ranking a person's list does not count over the whole table.
ALTER TABLE guidance_recommendation
    ADD COLUMN outcome      VARCHAR(20) CHECK (outcome IN ('REGISTRATION', 'COSELL')),
    ADD COLUMN intervention VARCHAR(20) CHECK (intervention IN ('TRAINING', 'INCENTIVE', 'INTRODUCTION'));

-- the intervention of earlier stalling recommendations followed the score (subject partner:<id>:<pillar>:<week>)
UPDATE guidance_recommendation
SET intervention = CASE split_part(subject, ':', 3)
                       WHEN 'READINESS' THEN 'TRAINING'
                       WHEN 'BEHAVIOUR' THEN 'INCENTIVE'
                       WHEN 'TRUST' THEN 'INTRODUCTION' END
WHERE kind = 'STALLING_INTERVENTION';

UPDATE guidance_recommendation
SET outcome = CASE WHEN kind = 'INTRODUCE_TO_AES' OR intervention = 'INTRODUCTION' THEN 'COSELL'
                   ELSE 'REGISTRATION' END
WHERE outcome_due IS NOT NULL AND partner_id IS NOT NULL;

-- introductions were measured by the partner's next registration: look again for a co-sell
-- request (from acceptance, or from the day shown, midnight in the database's zone, up to the
-- window's last day)
UPDATE guidance_recommendation r
SET outcome_at = (SELECT min(c.requested_at) FROM cosell_request c
                  WHERE c.partner_id = r.partner_id
                    AND c.requested_at >= CASE WHEN r.state = 'ACCEPTED' AND r.acted_at IS NOT NULL THEN r.acted_at
                                               ELSE r.shown_on::timestamptz END
                    AND c.requested_at < (r.outcome_due + 1)::timestamptz)
WHERE r.outcome = 'COSELL';

CREATE INDEX guidance_recommendation_intervention ON guidance_recommendation (partner_id, intervention)
    WHERE state = 'ACCEPTED' AND intervention IS NOT NULL;

CREATE TABLE guidance_kind_summary (
    kind             VARCHAR(40) PRIMARY KEY,
    as_of            DATE   NOT NULL,
    shown            BIGINT NOT NULL,
    accepted         BIGINT NOT NULL,
    accepted_decided BIGINT NOT NULL,
    accepted_met     BIGINT NOT NULL,
    idle_decided     BIGINT NOT NULL,
    idle_met         BIGINT NOT NULL
);
