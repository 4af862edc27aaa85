-- Append-only record of every change: who, when, what, before and after.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    actor_id    BIGINT,
    actor_name  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    before      JSONB,
    after       JSONB
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, occurred_at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
