-- Issue 15 (V296): the ROI page's kept figures are computed again at once when the books
-- change too. A PAM reads the figures of their book: a partner added, removed or moved to
-- another PAM counts up roi_figures_change in the statement that did it.
CREATE FUNCTION roi_figures_owner_moved() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
               WHERE n.owner_pam_id IS DISTINCT FROM o.owner_pam_id) THEN
        UPDATE roi_figures_change SET changes = changes + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER partner_roi_figures_owner_moved
    AFTER UPDATE ON partner
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION roi_figures_owner_moved();

CREATE TRIGGER partner_roi_figures_changed
    AFTER INSERT OR DELETE OR TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION roi_figures_changed();
