-- A stage move recomputes its deal's funnel entries from that deal's history only (issue 15).
--
-- V173's metrics_funnel_refresh joined the ids to metrics_funnel_entry_computed. A join
-- condition does not enter a subquery with window functions, so the planner computed the
-- view for every deal and merged it with the ids: on the large dataset each stage move read
-- all 7 million stage changes, and closing one deal took 10.9 s (p50, benchmark) instead of
-- tens of milliseconds. A WHERE condition on the windows' partition column is pushed into
-- the view, so the ids are now a condition, and the history's index reads only their rows
-- (15.7 s -> 72 ms for one close on the large copy). OneRowChangeReadsTests checks that a
-- one-row change reads a bounded part of every table.
CREATE OR REPLACE FUNCTION metrics_funnel_refresh(ids BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM opportunity o JOIN unnest(ids) AS u (id) ON u.id = o.id ORDER BY o.id FOR NO KEY UPDATE OF o;
    DELETE FROM metrics_funnel_entry e USING unnest(ids) AS u (id) WHERE e.opportunity_id = u.id;
    INSERT INTO metrics_funnel_entry (opportunity_id, rank, entered_at, left_at, advanced, partner_id)
    SELECT v.opportunity_id, v.rank, v.entered_at, v.left_at, v.advanced, o.partner_id
    FROM metrics_funnel_entry_computed v
    JOIN opportunity o ON o.id = v.opportunity_id
    WHERE v.opportunity_id = ANY (ids);
END
$$;
