-- Close-date moves of a deal, recorded from this version on (earlier moves were not kept), by
-- a trigger so that every path that changes a close date (the API, pages, imports, fixes) is
-- counted. Who made the change is in the audit log.
CREATE TABLE opportunity_close_date_change (
    id             BIGSERIAL PRIMARY KEY,
    opportunity_id BIGINT      NOT NULL REFERENCES opportunity (id),
    from_date      DATE,
    to_date        DATE,
    changed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunity_close_date_change_opp_idx ON opportunity_close_date_change (opportunity_id);

CREATE FUNCTION record_close_date_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO opportunity_close_date_change (opportunity_id, from_date, to_date, changed_at)
    VALUES (NEW.id, OLD.close_date, NEW.close_date, NEW.updated_at);
    RETURN NEW;
END;
$$;

CREATE TRIGGER opportunity_close_date_moved
    AFTER UPDATE OF close_date ON opportunity
    FOR EACH ROW WHEN (OLD.close_date IS DISTINCT FROM NEW.close_date)
    EXECUTE FUNCTION record_close_date_change();

-- Duplicate accounts are looked for by trigram-similar normalised names (data hygiene).
CREATE INDEX IF NOT EXISTS account_normalized_name_trgm_idx ON account USING gin (normalized_name gin_trgm_ops);
