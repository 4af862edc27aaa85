-- The stage history in the order the forecast counts' rebuild reads it (module forecast,
-- issue 15; V180 on branch fc22): each deal's changes by time and id, with the stage
-- entered, so that each part of forecast_counts_rebuild() (V193) reads its deals' history
-- from the index alone, in the window's order, instead of visiting the table for every
-- change and sorting each deal's changes by id. It replaces V4's (opportunity_id,
-- changed_at) index, a prefix of it: the other readers of a deal's history use this one,
-- and a stage move still writes one index entry.
CREATE INDEX opportunity_stage_change_history_idx ON opportunity_stage_change (opportunity_id, changed_at, id)
    INCLUDE (to_stage);
DROP INDEX opportunity_stage_change_opp_idx;
