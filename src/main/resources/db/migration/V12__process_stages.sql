-- The partner sales process: one row per stage slot, configured by the program admin.
CREATE TABLE stage_definition (
    code           TEXT PRIMARY KEY CHECK (code IN ('REGISTERED', 'QUALIFIED', 'JOINT_WORKING', 'COMMIT', 'CLOSED_WON', 'CLOSED_LOST')),
    position       INT         NOT NULL UNIQUE,
    name           TEXT        NOT NULL,
    owner_role     TEXT        NOT NULL CHECK (owner_role IN ('PAM', 'AE', 'SALES_MANAGER', 'PARTNER', 'ADMIN')),
    exit_criterion TEXT        NOT NULL,
    checklist      TEXT[]      NOT NULL DEFAULT '{}',
    norm_days      INT         NOT NULL CHECK (norm_days BETWEEN 1 AND 365),
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at     TIMESTAMPTZ NOT NULL
);
INSERT INTO stage_definition (code, position, name, owner_role, exit_criterion, checklist, norm_days, updated_at) VALUES
('REGISTERED', 1, 'Registered', 'PAM', 'The registration is approved: named account, confirmed need, partner of record, amount and close date.',
 '{"Named account confirmed","Customer need confirmed","Partner of record confirmed"}', 7, now()),
('QUALIFIED', 2, 'Qualified', 'AE', 'Budget, timing and fit are confirmed by the owner.',
 '{"Budget confirmed","Timing confirmed","Fit confirmed"}', 21, now()),
('JOINT_WORKING', 3, 'Joint working', 'AE', 'A joint plan is agreed and the owners of the customer relationship and of the technical work are named.',
 '{"Joint account plan agreed","Customer relationship owner named","Technical work owner named"}', 30, now()),
('COMMIT', 4, 'Commit', 'SALES_MANAGER', 'Commercial terms are agreed and the signature path is known.',
 '{"Proposal accepted by the customer","Signature path confirmed","Close date confirmed"}', 21, now()),
('CLOSED_WON', 5, 'Closed won', 'AE', 'Signed.', '{}', 365, now()),
('CLOSED_LOST', 6, 'Closed lost', 'AE', 'Lost or disqualified, with the reason recorded.', '{}', 365, now());

-- Exit checklist items ticked on a deal, per stage; editing a checklist never rewrites these.
CREATE TABLE deal_checklist_tick (
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    stage          TEXT        NOT NULL,
    item           TEXT        NOT NULL,
    ticked_by      BIGINT      NOT NULL REFERENCES app_user (id),
    ticked_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (opportunity_id, stage, item)
);

-- Who owns the customer relationship and the technical work in joint working.
CREATE TABLE deal_joint_owners (
    opportunity_id     BIGINT PRIMARY KEY REFERENCES opportunity (id),
    relationship_owner TEXT        NOT NULL,
    technical_owner    TEXT        NOT NULL,
    updated_by         BIGINT      NOT NULL REFERENCES app_user (id),
    updated_at         TIMESTAMPTZ NOT NULL
);

-- Why a deal left the process without a win.
CREATE TABLE deal_disqualification (
    opportunity_id BIGINT PRIMARY KEY REFERENCES opportunity (id),
    reason         TEXT        NOT NULL,
    decided_by     BIGINT      NOT NULL REFERENCES app_user (id),
    decided_at     TIMESTAMPTZ NOT NULL
);
