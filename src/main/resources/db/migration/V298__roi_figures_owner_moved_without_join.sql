-- V297's check of a partner update joined its transition tables, which PL/pgSQL plans once
-- per session with the first call's row counts: a nested loop kept from a one-row update is
-- quadratic in a bulk reassignment (TransitionTablePlanTests, V185). The partners whose PAM
-- changed are the new rows' (id, PAM) pairs that are not among the old rows': EXCEPT, one
-- hashed set operation, no join.
CREATE OR REPLACE FUNCTION roi_figures_owner_moved() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT id, owner_pam_id FROM new_rows EXCEPT SELECT id, owner_pam_id FROM old_rows) THEN
        UPDATE roi_figures_change SET changes = changes + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END;
$$;
