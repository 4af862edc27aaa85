-- Sales plays (§C17): a library the program admin writes, each play versioned (an edit adds
-- a version, the play points at its current one), and each use of a play on a live deal,
-- recorded per deal and partner with the version that was used.
CREATE TABLE play (
    id              BIGSERIAL PRIMARY KEY,
    current_version INT         NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      BIGINT      NOT NULL REFERENCES app_user (id)
);

CREATE TABLE play_version (
    play_id       BIGINT      NOT NULL REFERENCES play (id),
    version       INT         NOT NULL CHECK (version >= 1),
    title         TEXT        NOT NULL,
    moment        TEXT        NOT NULL CHECK (moment IN ('PROSPECTING', 'DISCOVERY', 'OBJECTION', 'EXPANSION')),
    for_role      TEXT        NOT NULL CHECK (for_role IN ('AE', 'SE', 'CSM', 'PAM')),
    buyer         TEXT        NOT NULL,
    why_partner   TEXT        NOT NULL,
    when_to_bring TEXT        NOT NULL,
    problem       TEXT        NOT NULL,
    partner_types TEXT[]      NOT NULL,
    verticals     TEXT[]      NOT NULL,
    capabilities  TEXT[]      NOT NULL,
    written_at    TIMESTAMPTZ NOT NULL,
    written_by    BIGINT      NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (play_id, version)
);

-- A version once written is never changed: an edit is a new row.
CREATE FUNCTION play_version_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a play version is never changed; write a new version';
END $$;

CREATE TRIGGER play_version_unchangeable BEFORE UPDATE OR DELETE ON play_version
    FOR EACH ROW EXECUTE FUNCTION play_version_unchangeable();

CREATE TABLE play_use (
    id             BIGSERIAL PRIMARY KEY,
    play_id        BIGINT      NOT NULL,
    version        INT         NOT NULL,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    partner_id     BIGINT      NOT NULL REFERENCES partner (id),
    used_by        BIGINT      NOT NULL REFERENCES app_user (id),
    used_at        TIMESTAMPTZ NOT NULL,
    note           TEXT,
    FOREIGN KEY (play_id, version) REFERENCES play_version (play_id, version),
    UNIQUE (opportunity_id, play_id)
);

CREATE INDEX play_use_play ON play_use (play_id);
CREATE INDEX play_use_partner ON play_use (partner_id, used_at);
