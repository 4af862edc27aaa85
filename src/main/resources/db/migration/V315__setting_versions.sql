-- The version of each program setting an admin edits as a whole form (module shared,
-- SettingVersions): the tier thresholds, the ROI cost rates, the ideal customer profile and
-- the cohort journey criteria. A page or API client that read version n may save only
-- while the setting is still at n, so a stale form no longer overwrites a newer change.
-- A setting never saved has no row (version 0).
CREATE TABLE setting_version (
    setting    TEXT PRIMARY KEY,
    version    BIGINT NOT NULL CHECK (version >= 0),
    changed_by BIGINT REFERENCES app_user (id),
    changed_at TIMESTAMPTZ NOT NULL
);
