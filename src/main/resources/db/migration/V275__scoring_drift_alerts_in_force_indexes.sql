-- The book of scores lists the drift alerts in force (IntelligenceStore.currentAlerts: each
-- partner and score's latest alert whose state is still the score's drift state). For the whole
-- program it hashes the building and stalling drifts and reads the alerts once; for a PAM's
-- book (partners bound as one array) it read every drift and every alert of the program and
-- filtered them. The book's building and stalling drifts are now found in a partial index, and
-- each one's alerts of that state, latest first, by the second.
CREATE INDEX score_drift_drifting_idx ON score_drift (partner_id, pillar) INCLUDE (state)
    WHERE state IN ('BUILDING', 'STALLING');
CREATE INDEX score_drift_alert_state_idx ON score_drift_alert (partner_id, pillar, state, raised_at DESC, week_start DESC);
-- read by nothing since (a partner's alerts are found by the two indexes that start with it)
DROP INDEX score_drift_alert_partner_idx;
