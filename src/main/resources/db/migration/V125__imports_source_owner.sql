-- The owner the source file named for each imported row (its e-mail, as the import matches
-- owners), so that a later export can tell whether the CRM changed the owner since the last
-- import: unchanged, the owner given in Trellis since (a leaver's hand-over, a hygiene fix)
-- is kept. Rows imported before this column have none (NULL): their next export's owner is
-- judged as a newly named one. Trellis-format records keep none.
ALTER TABLE import_record ADD COLUMN source_owner TEXT;
