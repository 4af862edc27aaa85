-- The registrations held behind one are looked up by it: by the hold queue when it lapses,
-- and by the foreign key's check whenever a registration is deleted, which without an index
-- reads the whole table for each deleted row.
CREATE INDEX deal_registration_held_behind_idx ON deal_registration (held_behind_id)
    WHERE held_behind_id IS NOT NULL;

-- Only the claims that decide a registration are recorded as its conflicts
-- (DecisiveConflicts); how many claims on the customer were found in all is kept here.
-- Null for registrations recorded before, which kept every claim.
ALTER TABLE deal_registration ADD COLUMN conflicts_found INTEGER;
