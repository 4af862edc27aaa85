-- What the first follow-up with a lead's customer was: a call, a meeting or an e-mail (or
-- only a note). A follow-up recorded before this had no such requirement and keeps none.
ALTER TABLE partner_lead ADD COLUMN follow_up_type TEXT CHECK (follow_up_type IN ('CALL', 'MEETING', 'EMAIL'));
