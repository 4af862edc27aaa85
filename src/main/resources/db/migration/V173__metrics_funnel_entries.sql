-- The stage funnel (/metrics/funnel, /api/v1/kpis/funnel) from kept first entries, not from
-- the period's whole stage history (issue 15). Even read once per deal, a quarter's history
-- on the large dataset is ~2 million changes of ~500,000 deals to sort twice (18.7 s at 40 %
-- of its size); the funnel only needs, per deal and funnel stage, the first entry: its
-- moment, the next change's (left_at), whether a later change reached a higher stage of the
-- funnel (advanced) and the deal's partner now. Those change only with the deal's own
-- history or partner, so they are kept here by the triggers below, each deal recomputed
-- from its whole history whenever a change of it is inserted, deleted or updated; the table
-- equals its recomputation (metrics_funnel_entry_computed), which metrics_funnel_rebuild()
-- writes anew.
CREATE TABLE metrics_funnel_entry (
    opportunity_id BIGINT      NOT NULL,
    rank           SMALLINT    NOT NULL,
    entered_at     TIMESTAMPTZ NOT NULL,
    left_at        TIMESTAMPTZ,
    advanced       BOOLEAN     NOT NULL,
    partner_id     BIGINT,
    PRIMARY KEY (opportunity_id, rank)
);

-- A funnel stage's place (Registered 0 ... Closed won 4; FunnelRepository.STAGES), null for
-- the stages outside the funnel (Closed lost).
CREATE FUNCTION metrics_funnel_rank(stage TEXT) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(CASE stage WHEN 'REGISTERED' THEN 0 WHEN 'QUALIFIED' THEN 1 WHEN 'JOINT_WORKING' THEN 2
                           WHEN 'COMMIT' THEN 3 WHEN 'CLOSED_WON' THEN 4 END AS SMALLINT)
$$;

-- Each deal's first entries, from its history in the order (changed_at, id): the former
-- funnel statement's reading, for every deal. A condition on opportunity_id reaches the
-- history's index (it is the windows' partition).
CREATE VIEW metrics_funnel_entry_computed AS
SELECT h.opportunity_id, h.rank, h.changed_at AS entered_at, h.left_at, COALESCE(h.later_rank > h.rank, FALSE) AS advanced
FROM (SELECT c.opportunity_id, c.changed_at, metrics_funnel_rank(c.to_stage) AS rank,
             lead(c.changed_at) OVER w AS left_at,
             max(metrics_funnel_rank(c.to_stage)) OVER (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_rank,
             row_number() OVER (PARTITION BY c.opportunity_id, c.to_stage ORDER BY c.changed_at, c.id) AS nth
      FROM opportunity_stage_change c
      WINDOW w AS (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id)) h
WHERE h.nth = 1 AND h.rank IS NOT NULL;

-- Recomputes the entries of some deals. Their rows are locked first, in id order (a stage
-- move already holds its deal's), so two transactions changing one deal's history recompute
-- it one after the other, the second from the first's committed history.
CREATE FUNCTION metrics_funnel_refresh(ids BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM opportunity o JOIN unnest(ids) AS u (id) ON u.id = o.id ORDER BY o.id FOR NO KEY UPDATE OF o;
    DELETE FROM metrics_funnel_entry e USING unnest(ids) AS u (id) WHERE e.opportunity_id = u.id;
    INSERT INTO metrics_funnel_entry (opportunity_id, rank, entered_at, left_at, advanced, partner_id)
    SELECT v.opportunity_id, v.rank, v.entered_at, v.left_at, v.advanced, o.partner_id
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u (id)) u
    JOIN metrics_funnel_entry_computed v ON v.opportunity_id = u.id
    JOIN opportunity o ON o.id = v.opportunity_id;
END
$$;

CREATE FUNCTION metrics_funnel_changes_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_funnel_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM new_rows ORDER BY 1));
    RETURN NULL;
END
$$;

CREATE FUNCTION metrics_funnel_changes_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_funnel_refresh(ARRAY(SELECT DISTINCT opportunity_id FROM old_rows ORDER BY 1));
    RETURN NULL;
END
$$;

CREATE FUNCTION metrics_funnel_changes_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM metrics_funnel_refresh(ARRAY(SELECT opportunity_id FROM old_rows UNION SELECT opportunity_id FROM new_rows
                                         ORDER BY 1));
    RETURN NULL;
END
$$;

CREATE FUNCTION metrics_funnel_changes_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM metrics_funnel_entry;
    RETURN NULL;
END
$$;

-- A deal's partner set, changed or removed: its entries follow (the funnel's side).
CREATE FUNCTION metrics_funnel_partner_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE metrics_funnel_entry SET partner_id = NEW.partner_id WHERE opportunity_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER metrics_funnel_changes_inserted AFTER INSERT ON opportunity_stage_change
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_changes_inserted();
CREATE TRIGGER metrics_funnel_changes_deleted AFTER DELETE ON opportunity_stage_change
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_changes_deleted();
CREATE TRIGGER metrics_funnel_changes_updated AFTER UPDATE ON opportunity_stage_change
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION metrics_funnel_changes_updated();
CREATE TRIGGER metrics_funnel_changes_truncated AFTER TRUNCATE ON opportunity_stage_change
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_funnel_changes_truncated();
CREATE TRIGGER metrics_funnel_partner_changed AFTER UPDATE OF partner_id ON opportunity
    FOR EACH ROW WHEN (OLD.partner_id IS DISTINCT FROM NEW.partner_id)
    EXECUTE FUNCTION metrics_funnel_partner_changed();

-- Writes every deal's entries anew from the histories (the upgrade; a repair after changes
-- with the triggers off); the histories and deals are locked against writes meanwhile.
CREATE FUNCTION metrics_funnel_rebuild() RETURNS void
    LANGUAGE plpgsql
    SET work_mem = '256MB' AS $$
BEGIN
    LOCK TABLE opportunity_stage_change, opportunity IN SHARE MODE;
    DELETE FROM metrics_funnel_entry;
    INSERT INTO metrics_funnel_entry (opportunity_id, rank, entered_at, left_at, advanced, partner_id)
    SELECT v.opportunity_id, v.rank, v.entered_at, v.left_at, v.advanced, o.partner_id
    FROM metrics_funnel_entry_computed v JOIN opportunity o ON o.id = v.opportunity_id;
END
$$;

SELECT metrics_funnel_rebuild();

-- The funnel's read: a period's first entries in order of the moment, with all it counts.
CREATE INDEX metrics_funnel_entry_entered_idx ON metrics_funnel_entry (entered_at)
    INCLUDE (rank, partner_id, advanced, left_at);

ANALYZE metrics_funnel_entry;
