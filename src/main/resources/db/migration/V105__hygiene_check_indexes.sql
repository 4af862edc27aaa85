-- Data hygiene (issue 9 §4): each check counted from an index that holds the open deals it
-- can find, so a count reads that index (index-only where the visibility map allows) and not
-- the 2,000,000 deals. Each index's predicate is written exactly as HygieneRepository's
-- query states it, so the planner proves the index usable.

-- MISSING_FIELDS: open deals without an amount, a close date or an account; records by id.
CREATE INDEX opportunity_hygiene_missing_idx ON opportunity (id) INCLUDE (partner_id, owner_id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
      AND (amount IS NULL OR amount = 0 OR close_date IS NULL OR account_id IS NULL);

-- SLIPPED_CLOSE_DATES: open deals by close date (a passed date is a range), records in the
-- same order (close date, nulls last, then id).
CREATE INDEX opportunity_hygiene_close_idx ON opportunity (close_date, id) INCLUDE (partner_id, owner_id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');

-- STALE_DEALS: open deals by stage and since when, one range per stage's norm.
CREATE INDEX opportunity_hygiene_stage_idx ON opportunity (stage, stage_entered_at) INCLUDE (partner_id, owner_id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');

-- OWNER_NOT_ACCOUNT_OWNER: open deals by account with their owner, joined to the accounts.
CREATE INDEX opportunity_hygiene_account_idx ON opportunity (account_id, owner_id) INCLUDE (partner_id)
    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST');

-- ACCOUNTS_WITHOUT_DOMAIN: the accounts without a web domain, with their owner.
CREATE INDEX account_hygiene_no_domain_idx ON account (id) INCLUDE (owner_ae_id)
    WHERE web_domain IS NULL OR btrim(web_domain) = '';

-- SLIPPED_CLOSE_DATES, "moved more than twice": how often each deal's close date moved, kept
-- by a trigger on the moves V40_1 records (inserted only), so the check reads one row per
-- deal instead of counting each deal's moves.
CREATE TABLE hygiene_close_date_moves (
    opportunity_id BIGINT  PRIMARY KEY REFERENCES opportunity (id) ON DELETE CASCADE,
    moves          INTEGER NOT NULL
);
INSERT INTO hygiene_close_date_moves (opportunity_id, moves)
SELECT opportunity_id, count(*) FROM opportunity_close_date_change GROUP BY opportunity_id;
CREATE INDEX hygiene_close_date_moves_slipped_idx ON hygiene_close_date_moves (opportunity_id) WHERE moves > 2;

CREATE FUNCTION hygiene_count_close_date_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO hygiene_close_date_moves (opportunity_id, moves) VALUES (NEW.opportunity_id, 1)
    ON CONFLICT (opportunity_id) DO UPDATE SET moves = hygiene_close_date_moves.moves + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER opportunity_close_date_change_counted
    AFTER INSERT ON opportunity_close_date_change
    FOR EACH ROW EXECUTE FUNCTION hygiene_count_close_date_move();

ANALYZE hygiene_close_date_moves;
