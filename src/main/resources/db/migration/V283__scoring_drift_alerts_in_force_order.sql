-- The book of scores pages the drift alerts in force (IntelligenceStore.driftPage): stalling first,
-- then the steepest slope, then partner and score. For the whole program the page walks this index
-- in that order and keeps the alerts still in force (the drift state is still the alert's, and no
-- later alert of that state), so a page reads a page's worth of alerts, not every alert in force.
CREATE INDEX score_drift_alert_order_idx ON score_drift_alert (state DESC, abs(slope) DESC, partner_id, pillar);
