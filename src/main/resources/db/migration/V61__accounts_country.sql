-- The account's country (ISO 3166-1 alpha-2), so that the company matcher's rule "the
-- countries differ: no automatic match" applies to the vendor's accounts too. Unknown for
-- accounts created before this version (null), which the matcher treats as agreeing.
ALTER TABLE account ADD COLUMN country TEXT CHECK (country ~ '^[A-Z]{2}$');
