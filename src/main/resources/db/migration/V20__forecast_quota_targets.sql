-- Quotas and targets per quarter, in the reporting currency: a rep's quota, a sales manager's
-- quota (when none is set, the roll-up sums the team's rep quotas), a PAM's quota, and the
-- program's partner target (scope PARTNERS, id 0). Changes are written to the audit log.
CREATE TABLE forecast_quota (
    scope_kind TEXT           NOT NULL CHECK (scope_kind IN ('REP', 'MANAGER', 'PAM', 'PARTNERS')),
    scope_id   BIGINT         NOT NULL DEFAULT 0,
    quarter    TEXT           NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    amount     NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency   CHAR(3)        NOT NULL,
    set_by     BIGINT         NOT NULL REFERENCES app_user (id),
    set_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (scope_kind, scope_id, quarter)
);

-- Snapshots now also cover each rep and the program's partner deals.
ALTER TABLE forecast_snapshot DROP CONSTRAINT forecast_snapshot_scope_kind_check;
ALTER TABLE forecast_snapshot ADD CONSTRAINT forecast_snapshot_scope_kind_check
    CHECK (scope_kind IN ('PROGRAM', 'PARTNERS', 'PAM', 'MANAGER', 'REP'));
