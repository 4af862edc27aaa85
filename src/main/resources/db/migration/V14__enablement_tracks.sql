-- Role-based enablement: tracks of courses and certifications, and who completed what.
CREATE TABLE enablement_track (
    id   BIGSERIAL PRIMARY KEY,
    role TEXT NOT NULL UNIQUE CHECK (role IN ('AE', 'SE', 'CSM')),
    name TEXT NOT NULL
);

CREATE TABLE enablement_item (
    id            BIGSERIAL PRIMARY KEY,
    track_id      BIGINT  NOT NULL REFERENCES enablement_track (id),
    code          TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL CHECK (kind IN ('COURSE', 'CERTIFICATION')),
    name          TEXT    NOT NULL,
    required      BOOLEAN NOT NULL DEFAULT TRUE,
    validity_days INT CHECK (validity_days > 0),
    hours         NUMERIC(5, 1) NOT NULL DEFAULT 1
);

CREATE TABLE enablement_completion (
    id           BIGSERIAL PRIMARY KEY,
    item_id      BIGINT      NOT NULL REFERENCES enablement_item (id),
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    partner_id   BIGINT      NOT NULL REFERENCES partner (id),
    completed_on DATE        NOT NULL,
    expires_on   DATE,
    source       TEXT        NOT NULL CHECK (source IN ('PARTNER', 'IMPORT', 'ADMIN')),
    recorded_by  BIGINT      NOT NULL REFERENCES app_user (id),
    recorded_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (item_id, user_id, completed_on)
);
CREATE INDEX enablement_completion_partner_idx ON enablement_completion (partner_id, completed_on);
CREATE INDEX enablement_completion_user_idx ON enablement_completion (user_id, item_id);

INSERT INTO enablement_track (role, name) VALUES
('AE', 'Partner sales (AE)'), ('SE', 'Partner solutions engineering (SE)'), ('CSM', 'Partner customer success (CSM)');
INSERT INTO enablement_item (track_id, code, kind, name, required, validity_days, hours)
SELECT t.id, v.code, v.kind, v.name, v.required, v.validity_days, v.hours
FROM enablement_track t JOIN (VALUES
    ('AE', 'AE-101', 'COURSE', 'Product fundamentals', TRUE, NULL, 2.0),
    ('AE', 'AE-201', 'COURSE', 'Selling the platform: discovery to close', TRUE, NULL, 3.0),
    ('AE', 'AE-CERT', 'CERTIFICATION', 'Certified sales professional', TRUE, 365, 1.5),
    ('AE', 'AE-301', 'COURSE', 'Advanced negotiation', FALSE, NULL, 2.0),
    ('SE', 'SE-101', 'COURSE', 'Product fundamentals for engineers', TRUE, NULL, 3.0),
    ('SE', 'SE-201', 'COURSE', 'Architecture and integration lab', TRUE, NULL, 6.0),
    ('SE', 'SE-CERT', 'CERTIFICATION', 'Certified solutions engineer', TRUE, 730, 2.0),
    ('CSM', 'CSM-101', 'COURSE', 'Onboarding customers', TRUE, NULL, 2.0),
    ('CSM', 'CSM-201', 'COURSE', 'Adoption and renewal playbook', TRUE, NULL, 2.0),
    ('CSM', 'CSM-CERT', 'CERTIFICATION', 'Certified success manager', TRUE, 365, 1.5)
) AS v(role, code, kind, name, required, validity_days, hours) ON v.role = t.role;
