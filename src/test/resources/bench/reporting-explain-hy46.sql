-- ### rows: the PAM with the largest book, its partners, the stored overlaps
SELECT u.id, count(*) AS partners, (SELECT count(*) FROM hygiene_overlap) AS overlaps
FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled
GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1
-- ### PAM's overlapping registrations, count as today (OverlapStore.count, r.partner_id in the book)
SELECT count(*) FROM hygiene_overlap h
JOIN deal_registration r ON r.id = h.registration_id AND r.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
WHERE r.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1))
-- ### PAM's overlapping registrations, count by the stored row's partner (h.partner_id in the book)
SELECT count(*) FROM hygiene_overlap h
JOIN deal_registration r ON r.id = h.registration_id AND r.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
WHERE h.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = (SELECT u.id FROM app_user u JOIN partner p ON p.owner_pam_id = u.id WHERE u.role = 'PAM' AND u.enabled GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1))
