-- An account's version, one more with each change of its row (module accounts, try-out s52):
-- the edit form carries it, and a save over a change made since the form was opened is refused
-- instead of undoing it unseen, as the deal and partner forms do with their own version columns.
-- A constant default: no rewrite of the table.
ALTER TABLE account ADD COLUMN version INT NOT NULL DEFAULT 0;
