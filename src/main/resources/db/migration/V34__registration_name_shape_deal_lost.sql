-- The shape of the normalised name (CustomerLocks.shape): the word count, short words
-- and words starting with a digit kept, longer words as '*'. Every pair of names the
-- conflict check calls one customer shares it, so open registrations are found by it
-- (and by the registrable domain) instead of by trigram similarity, which misses
-- spellings with swapped letters. New rows get it from the application; existing rows
-- are filled in here.
ALTER TABLE deal_registration ADD COLUMN name_shape TEXT;

UPDATE deal_registration r SET name_shape = (
    SELECT string_agg(CASE WHEN char_length(w) <= 4 OR w ~ '^[0-9]' THEN w ELSE '*' END, ' ' ORDER BY i)
    FROM unnest(string_to_array(r.normalized_name, ' ')) WITH ORDINALITY AS t(w, i))
WHERE r.normalized_name IS NOT NULL;

CREATE INDEX deal_registration_open_shape_idx ON deal_registration (name_shape)
    WHERE status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED');

-- A registration whose deal closed lost (or was disqualified) ends its protection.
ALTER TABLE deal_registration DROP CONSTRAINT deal_registration_status_check;
ALTER TABLE deal_registration ADD CONSTRAINT deal_registration_status_check
    CHECK (status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN', 'DEAL_LOST'));
