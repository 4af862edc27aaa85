-- The ROI page's quarter figures (issue 15) read two ranges of a quarter from an index
-- alone instead of visiting each row: the quarter's closed deals with their partner,
-- account and stage (the lift against the direct baseline of the account's industry; the
-- index of V64 holds no account), and the enablement completions of the quarter with
-- their partner and item (the enablement hours; until now a scan of every completion).
CREATE INDEX opportunity_closed_account_idx ON opportunity (closed_at)
    INCLUDE (partner_id, account_id, stage)
    WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST');
CREATE INDEX enablement_completion_day_idx ON enablement_completion (completed_on)
    INCLUDE (partner_id, item_id);
