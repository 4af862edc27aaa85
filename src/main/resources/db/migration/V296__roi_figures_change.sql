-- Issue 15: the ROI page keeps its computed figures for a short while (RoiFiguresKept). A
-- write that an admin expects to see at once on the page (program spend, the cost rates,
-- the exchange rates) counts up this one row, in the writing statement's transaction and
-- on whatever path wrote it; every instance reads the count with the page and computes the
-- figures again when it moved.
CREATE TABLE roi_figures_change (
    id smallint PRIMARY KEY CHECK (id = 1),
    changes bigint NOT NULL
);

INSERT INTO roi_figures_change (id, changes) VALUES (1, 0);

CREATE FUNCTION roi_figures_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE roi_figures_change SET changes = changes + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER roi_program_spend_figures_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roi_program_spend
    FOR EACH STATEMENT EXECUTE FUNCTION roi_figures_changed();

CREATE TRIGGER roi_cost_rate_figures_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roi_cost_rate
    FOR EACH STATEMENT EXECUTE FUNCTION roi_figures_changed();

CREATE TRIGGER exchange_rate_roi_figures_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchange_rate
    FOR EACH STATEMENT EXECUTE FUNCTION roi_figures_changed();
