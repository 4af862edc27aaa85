-- Re-engagement sequences a PAM runs for a dormant partner, step by step.
CREATE TABLE reengagement (
    id         BIGSERIAL PRIMARY KEY,
    partner_id BIGINT      NOT NULL REFERENCES partner (id),
    cause      TEXT        NOT NULL CHECK (cause IN ('FIT', 'TRAINING', 'INCENTIVE', 'UNKNOWN')),
    evidence   TEXT        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('RUNNING', 'RESPONDED', 'SUNSET_PROPOSED', 'SUNSET', 'CLOSED')),
    started_by BIGINT      NOT NULL REFERENCES app_user (id),
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX reengagement_one_open_uq ON reengagement (partner_id) WHERE status IN ('RUNNING', 'SUNSET_PROPOSED');

CREATE TABLE reengagement_step (
    id              BIGSERIAL PRIMARY KEY,
    reengagement_id BIGINT      NOT NULL REFERENCES reengagement (id),
    position        INT         NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('WIN_THEME', 'REFRESHER_TRAINING', 'NET_NEW_LEAD', 'EXECUTIVE_ALIGNMENT', 'RECOGNITION')),
    due_on          DATE        NOT NULL,
    done_at         TIMESTAMPTZ,
    done_by         BIGINT REFERENCES app_user (id),
    note            TEXT,
    UNIQUE (reengagement_id, position)
);
