-- The pipeline review (module adoption: an admin's or a sales manager's /adoption) lists the
-- 100 open deals of the team's reps closing soonest (undated last, then the newest). It read
-- every open deal of the reps from opportunity_open_owner_idx and sorted them: ~210,000 for
-- an admin's review of every rep on the large data, to keep 100. Open deals in that order,
-- with the owner to filter on: a review reads about its own deals' entries when the reps own
-- most open deals, and the planner keeps the owner index for a small team.
CREATE INDEX opportunity_open_close_idx ON opportunity (close_date ASC NULLS LAST, id DESC) INCLUDE (owner_id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');
