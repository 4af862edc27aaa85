-- Before the fix of ManualTierChanges (it listened after the commit), a partner moved twice in
-- one weekly evaluation got its first move recorded a second time as a MANUAL change (no user,
-- effective on the evaluation's day) and a second notice. Those rows are removed here: a MANUAL
-- row without a user that repeats, within ten minutes after it, the same from/to of a SCORES
-- move of the same partner. Each removal is audited (the tier history is money-relevant).
WITH repeated AS (
    SELECT m.id, m.partner_id, m.from_tier, m.to_tier, m.effective_on, s.id AS scores_id
    FROM tier_change m
    JOIN LATERAL (
        SELECT s.id FROM tier_change s
        WHERE s.partner_id = m.partner_id AND s.kind = 'SCORES' AND s.id < m.id
          AND s.from_tier = m.from_tier AND s.to_tier = m.to_tier
          AND m.changed_at >= s.changed_at AND m.changed_at - s.changed_at <= INTERVAL '10 minutes'
        ORDER BY s.id DESC LIMIT 1) s ON TRUE
    WHERE m.kind = 'MANUAL' AND m.changed_by IS NULL),
audited AS (
    INSERT INTO audit_entry (actor_id, actor_name, occurred_at, entity_type, entity_id, action, before, after)
    SELECT NULL, 'system', now(), 'partner', r.partner_id::TEXT,
           'tier history: removed MANUAL row ' || r.id || ', a repeat of SCORES move ' || r.scores_id,
           jsonb_build_object('tierChange', r.id, 'from', r.from_tier, 'to', r.to_tier, 'effectiveOn', r.effective_on),
           NULL
    FROM repeated r)
DELETE FROM tier_change WHERE id IN (SELECT id FROM repeated);
