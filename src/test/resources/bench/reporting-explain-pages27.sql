-- ### rows: the largest book's PAM, its partners and open deals
SELECT (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1) AS pam, (SELECT count(*) FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AS partners, (SELECT count(*) FROM opportunity o WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1))) AS open_deals;

-- ### stale deals of the largest book, page of 50 at offset 0, before: every stale deal sorted
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 0;

-- ### stale deals of the largest book, page of 50 at offset 0, after: each stage's first rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 0) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 0;

-- ### stale deals of the largest book, page of 50 at offset 2000, before: every stale deal sorted
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 2000;

-- ### stale deals of the largest book, page of 50 at offset 2000, after: each stage's first rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 2000) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 2000;

-- ### stale deals of the program, page of 50 at offset 0, before: every stale deal sorted
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND TRUE AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 0;

-- ### stale deals of the program, page of 50 at offset 0, after: each stage's first rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND TRUE AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 0) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 0;

-- ### stale deals of the program, page of 50 at offset 2000, before: every stale deal sorted
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND TRUE AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 2000;

-- ### stale deals of the program, page of 50 at offset 2000, after: each stage's first rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND TRUE AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 2000) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 2000;

-- ### rows: stale deals of the largest book, page of 50 at offset 0: rows that differ between before and after, rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST')),
before AS (SELECT row_number() OVER () AS r, x.* FROM (SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 0) x),
after AS (SELECT row_number() OVER () AS r, x.* FROM (SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 0) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 0) x)
SELECT count(*) FILTER (WHERE before.record_id IS DISTINCT FROM after.record_id OR before.problem IS DISTINCT FROM after.problem OR before.owner IS DISTINCT FROM after.owner) AS differ, count(*) AS rows
FROM before FULL JOIN after USING (r);

-- ### rows: stale deals of the largest book, page of 50 at offset 2000: rows that differ between before and after, rows
WITH n(s, d, m) AS (SELECT array_agg(code ORDER BY position), array_agg(norm_days ORDER BY position), array_agg(name ORDER BY position)
        FROM stage_definition WHERE active AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST')),
before AS (SELECT row_number() OVER () AS r, x.* FROM (SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       u.display_name AS owner, '/opportunities/' || o.id AS link
FROM opportunity o JOIN app_user u ON u.id = o.owner_id
JOIN unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name) ON norm.stage = o.stage
WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
ORDER BY o.stage_entered_at, o.id
LIMIT 50 OFFSET 2000) x),
after AS (SELECT row_number() OVER () AS r, x.* FROM (SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, floor(extract(epoch FROM (now() - o.stage_entered_at)) / 86400) || ' days in ' || norm.name || ', norm ' || norm.days || ' days' AS problem,
       first.owner, '/opportunities/' || o.id AS link
FROM unnest((SELECT s FROM n), (SELECT d FROM n), (SELECT m FROM n)) AS norm(stage, days, name)
CROSS JOIN LATERAL (
    SELECT o.id, o.stage_entered_at, u.display_name AS owner
    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1)) AND o.stage_entered_at <= now() - make_interval(days => norm.days + 1)
    ORDER BY o.stage_entered_at, o.id
    LIMIT 50 + 2000) first
JOIN opportunity o ON o.id = first.id
ORDER BY first.stage_entered_at, first.id
LIMIT 50 OFFSET 2000) x)
SELECT count(*) FILTER (WHERE before.record_id IS DISTINCT FROM after.record_id OR before.problem IS DISTINCT FROM after.problem OR before.owner IS DISTINCT FROM after.owner) AS differ, count(*) AS rows
FROM before FULL JOIN after USING (r);
