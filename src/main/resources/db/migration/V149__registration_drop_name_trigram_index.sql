-- The whole-name trigram index of registrations (V10) has no reader left: the conflict
-- search goes by the registrable domain and by the lead and second long words (V122's
-- two-word GIN index), the page search by customer_name (V62_1), and the hygiene overlap
-- by equality of open registrations' names (V93's btree). It was scanned 0 times on the
-- large data set and cost every registration's insert a GIN entry (issue 15).
DROP INDEX IF EXISTS deal_registration_name_trgm_idx;
