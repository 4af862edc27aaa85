-- ### rows: partner users with a track role, those holding their track on 2026-12-03, kept labels
SELECT (SELECT count(*) FROM app_user u WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL) AS users,
       (SELECT count(*) FROM enablement_held_fact h JOIN app_user u ON u.id = h.user_id AND u.job_role = h.role
        WHERE h.held @> DATE '2026-12-03') AS holding,
       (SELECT count(*) FROM enablement_user_label) AS labels;

-- ### program's enablement records on 2026-12-03, before: every user sorted by label (V187)
WITH required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
                  WHERE i.required GROUP BY t.role),
k AS (SELECT u.id, u.job_role, u.display_name || ' (' || p.name || ', ' || u.job_role || ')' AS label,
             EXISTS (SELECT 1 FROM enablement_held_fact h WHERE h.user_id = u.id AND h.role = u.job_role
                     AND h.held @> CAST(DATE '2026-12-03' AS DATE)) AS counted
      FROM app_user u JOIN partner p ON p.id = u.partner_id JOIN required r ON r.role = u.job_role
      WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND TRUE
      ORDER BY counted DESC, label, u.id LIMIT 1001)
SELECT 'user' AS kind, k.id, 'partner' AS side, k.label,
       (SELECT count(DISTINCT c.item_id) FROM enablement_completion c
        JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
        WHERE c.user_id = k.id AND t.role = k.job_role AND i.required AND c.completed_on < DATE '2026-12-03'
          AND (c.expires_on IS NULL OR c.expires_on >= DATE '2026-12-03')) AS value, k.counted
FROM k ORDER BY k.counted DESC, k.label, k.id;

-- ### program's enablement records on 2026-12-03, after: each group walked in the kept label order (V215)
WITH required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
                  WHERE i.required GROUP BY t.role),
k AS ((SELECT f.user_id AS id, f.job_role, f.label, TRUE AS counted FROM enablement_user_label f
       WHERE f.job_role = ANY (ARRAY(SELECT r.role FROM required r))
         AND (SELECT TRUE FROM enablement_held_fact h WHERE h.user_id = f.user_id AND h.role = f.job_role
                      AND h.held @> CAST(DATE '2026-12-03' AS DATE)) IS TRUE
       ORDER BY f.label, f.user_id LIMIT 1001)
      UNION ALL
      (SELECT f.user_id, f.job_role, f.label, FALSE FROM enablement_user_label f
       WHERE f.job_role = ANY (ARRAY(SELECT r.role FROM required r))
         AND (SELECT TRUE FROM enablement_held_fact h WHERE h.user_id = f.user_id AND h.role = f.job_role
                      AND h.held @> CAST(DATE '2026-12-03' AS DATE)) IS NOT TRUE
       ORDER BY f.label, f.user_id LIMIT 1001)),
page AS (SELECT * FROM k ORDER BY k.counted DESC, k.label, k.id LIMIT 1001)
SELECT 'user' AS kind, k.id, 'partner' AS side, k.label,
       (SELECT count(DISTINCT c.item_id) FROM enablement_completion c
        JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
        WHERE c.user_id = k.id AND t.role = k.job_role AND i.required AND c.completed_on < DATE '2026-12-03'
          AND (c.expires_on IS NULL OR c.expires_on >= DATE '2026-12-03')) AS value, k.counted
FROM page k ORDER BY k.counted DESC, k.label, k.id;
