-- Readiness self-assessments: every submitted version is kept; the partner submits a version, the
-- partner's PAM accepts it or returns it with a comment (a returned one is answered by a new version).
CREATE TABLE readiness_assessment (
    id                 BIGSERIAL PRIMARY KEY,
    partner_id         BIGINT      NOT NULL REFERENCES partner (id),
    version            INT         NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    icp_definition     TEXT        NOT NULL DEFAULT '',
    sales_process      INT         NOT NULL DEFAULT 0 CHECK (sales_process BETWEEN 0 AND 4),
    packaged_offers    INT         NOT NULL DEFAULT 0 CHECK (packaged_offers BETWEEN 0 AND 50),
    delivery_staff     INT         NOT NULL DEFAULT 0 CHECK (delivery_staff BETWEEN 0 AND 10000),
    delivery_notes     TEXT        NOT NULL DEFAULT '',
    submitted_at       TIMESTAMPTZ NOT NULL,
    submitted_by       BIGINT      NOT NULL REFERENCES app_user (id),
    decided_at         TIMESTAMPTZ,
    decided_by         BIGINT REFERENCES app_user (id),
    decision_comment   TEXT,
    UNIQUE (partner_id, version)
);
CREATE UNIQUE INDEX readiness_one_awaiting_per_partner ON readiness_assessment (partner_id)
    WHERE status = 'SUBMITTED';
CREATE INDEX readiness_accepted ON readiness_assessment (partner_id, decided_at) WHERE status = 'ACCEPTED';

-- A version's repeatable use cases and specialisations (verticals, capabilities), each with a won
-- deal of the partner as proof, or none.
CREATE TABLE readiness_item (
    assessment_id  BIGINT NOT NULL REFERENCES readiness_assessment (id),
    kind           TEXT   NOT NULL CHECK (kind IN ('USE_CASE', 'SPECIALISATION')),
    position       INT    NOT NULL,
    title          TEXT   NOT NULL,
    proof_deal_id  BIGINT REFERENCES opportunity (id),
    PRIMARY KEY (assessment_id, kind, position)
);

-- Go-to-market material the partner uploaded, rated 1-5 by its PAM; the bytes live here.
CREATE TABLE readiness_material (
    id             BIGSERIAL PRIMARY KEY,
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    file_name      TEXT        NOT NULL,
    content_type   TEXT        NOT NULL,
    size_bytes     INT         NOT NULL,
    content        BYTEA       NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    uploaded_by    BIGINT      NOT NULL REFERENCES app_user (id),
    rating         INT CHECK (rating BETWEEN 1 AND 5),
    rated_at       TIMESTAMPTZ,
    rated_by       BIGINT REFERENCES app_user (id),
    CONSTRAINT readiness_material_rated CHECK ((rating IS NULL) = (rated_at IS NULL))
);
CREATE INDEX readiness_material_partner ON readiness_material (partner_id, uploaded_at);
