-- The adoption diagnosis is stored as its finding and figures, and worded for each reader in
-- their locale (before: one English sentence with English numbers, {"finding", "evidence"}).
-- A stored sentence is read back into its figures; one that cannot be read back is removed,
-- and the page computes it per request until the daily job stores it again.
UPDATE stored_page_figures f
SET body = jsonb_strip_nulls(jsonb_build_object(
        'finding', f.body ->> 'finding',
        'growthPercent', CAST((regexp_match(e.text, 'changed (-?[0-9]+(?:\.[0-9]+)?)%'))[1] AS NUMERIC),
        'idleCapable', CAST((regexp_match(e.text, '([0-9]+) of [0-9]+ capable partners'))[1] AS BIGINT),
        'capable', CAST((regexp_match(e.text, '[0-9]+ of ([0-9]+) capable partners'))[1] AS BIGINT),
        'partnerWinRate', CAST(NULLIF((regexp_match(e.text, 'win at (-?[0-9.]+|null)% against'))[1], 'null') AS NUMERIC),
        'directWinRate', CAST(NULLIF((regexp_match(e.text, 'win at [^%]*% against (-?[0-9.]+|null)%'))[1], 'null') AS NUMERIC),
        'compared', CASE WHEN c.m IS NOT NULL
                         THEN jsonb_build_object('quarter', c.m[1], 'days', CAST(c.m[2] AS BIGINT), 'earlier', c.m[3]) END))
FROM (SELECT name, scope, body ->> 'evidence' AS text FROM stored_page_figures
      WHERE name = 'adoption.diagnosis' AND body -> 'evidence' IS NOT NULL) e
     CROSS JOIN LATERAL (SELECT regexp_match(e.text,
        '\(([^ ]+) to date, ([0-9]+) days, against the same [0-9]+ days of ([^)]+)\)') AS m) c
WHERE f.name = e.name AND f.scope = e.scope;

-- what a finding's sentence names must be there to word it again
DELETE FROM stored_page_figures
WHERE name = 'adoption.diagnosis'
  AND (body -> 'finding' IS NULL
       OR (body ->> 'finding' IN ('ADOPTION_PROBLEM', 'HEALTHY') AND (body -> 'idleCapable' IS NULL OR body -> 'capable' IS NULL))
       OR (body ->> 'finding' = 'PARTNER_OR_MOTION_PROBLEM' AND (body -> 'partnerWinRate' IS NULL OR body -> 'directWinRate' IS NULL)));
