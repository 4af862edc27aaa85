-- Which weights made each stored score: the default rubric or weights learned from the program's
-- outcomes, with what they were learned from (or why not), and the learned weights' base points
-- (the score of a partner at every baseline; the signals' points, which may then be negative, add
-- up to the score with them).
ALTER TABLE partner_score_week
    ADD COLUMN basis        TEXT NOT NULL DEFAULT 'RUBRIC' CHECK (basis IN ('RUBRIC', 'LEARNED')),
    ADD COLUMN basis_reason TEXT,
    ADD COLUMN base_points  NUMERIC(4, 1);

-- How learned weights turned a signal's value into points (null under the rubric).
ALTER TABLE partner_signal_week ADD COLUMN note TEXT;
