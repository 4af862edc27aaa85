-- A program's numbers as JSON numbers (module incentives): the page form stored what was
-- typed as text ("5000", tiers' "threshold": "100000"), which the API now refuses as a
-- number in quotes; a program read back from the API is what the API would take.
UPDATE incentive_program p
SET params = (
    SELECT jsonb_object_agg(k, CASE
        WHEN jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'
            THEN to_jsonb(CAST(v #>> '{}' AS NUMERIC))
        WHEN k = 'tiers' AND jsonb_typeof(v) = 'array' THEN (
            SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(t) <> 'object' THEN t ELSE (
                SELECT coalesce(jsonb_object_agg(tk, CASE
                    WHEN jsonb_typeof(tv) = 'string' AND (tv #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'
                        THEN to_jsonb(CAST(tv #>> '{}' AS NUMERIC))
                    ELSE tv END), '{}'::jsonb)
                FROM jsonb_each(t) AS f (tk, tv)) END ORDER BY n), '[]'::jsonb)
            FROM jsonb_array_elements(v) WITH ORDINALITY AS e (t, n))
        ELSE v END)
    FROM jsonb_each(p.params) AS f (k, v))
WHERE jsonb_typeof(p.params) = 'object' AND p.params <> '{}'::jsonb;
