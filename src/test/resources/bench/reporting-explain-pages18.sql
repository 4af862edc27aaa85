-- ### rows: sizes
SELECT 'partner_lead' AS t, count(*) FROM partner_lead
UNION ALL SELECT 'partner_lead this quarter', count(*) FROM partner_lead WHERE routed_at >= date_trunc('quarter', now())
UNION ALL SELECT 'tier_change', count(*) FROM tier_change
UNION ALL SELECT 'AE', count(*) FROM app_user WHERE role = 'AE'
UNION ALL SELECT 'capable partners', count(*) FROM partner WHERE lifecycle_status = 'ACTIVE' AND tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING')
UNION ALL SELECT 'open deals of ae@trellis.demo', count(*) FROM opportunity WHERE owner_id = (SELECT id FROM app_user WHERE email = 'ae@trellis.demo') AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
UNION ALL SELECT 'deal_checklist_tick', count(*) FROM deal_checklist_tick;

-- ### rows: indexes
SELECT tablename, indexdef FROM pg_indexes WHERE tablename IN ('partner_lead', 'tier_change', 'deal_checklist_tick', 'stage_definition') ORDER BY 1, 2;

-- ### rows: stages
SELECT code, owner_role, cardinality(checklist), norm_days FROM stage_definition ORDER BY position;

-- ### leads per rep (adoption), the quarter, every AE
SELECT rep_id, count(*),
       count(*) FILTER (WHERE status = 'ACCEPTED'),
       count(*) FILTER (WHERE status <> 'DECLINED' AND (first_follow_up_at IS NOT NULL OR follow_up_due_at <= now())),
       count(*) FILTER (WHERE status <> 'DECLINED' AND first_follow_up_at <= follow_up_due_at)
FROM partner_lead WHERE rep_id = ANY (ARRAY(SELECT id FROM app_user WHERE role = 'AE'))
  AND routed_at >= date_trunc('quarter', now()) AND routed_at < date_trunc('quarter', now()) + interval '3 months'
GROUP BY rep_id;

-- ### idle capable partners (adoption diagnosis)
SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id
         AND o.created_at >= now() - interval '90 days'))
FROM partner p WHERE p.lifecycle_status = 'ACTIVE' AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING');

-- ### open checklists of ae@trellis.demo (AE home)
SELECT o.id, o.name, s.name AS stage_name,
       (SELECT count(*) FROM unnest(s.checklist) AS c(item)
        WHERE NOT EXISTS (SELECT 1 FROM deal_checklist_tick t WHERE t.opportunity_id = o.id
                          AND t.stage = o.stage AND t.item = c.item)) AS open,
       cardinality(s.checklist) AS total
FROM opportunity o JOIN stage_definition s ON s.code = o.stage
WHERE o.owner_id = (SELECT id FROM app_user WHERE email = 'ae@trellis.demo') AND s.owner_role = 'AE' AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
  AND cardinality(s.checklist) > 0
  AND EXISTS (SELECT 1 FROM unnest(s.checklist) AS c(item)
              WHERE NOT EXISTS (SELECT 1 FROM deal_checklist_tick t WHERE t.opportunity_id = o.id
                                AND t.stage = o.stage AND t.item = c.item))
ORDER BY o.close_date NULLS LAST, o.id
LIMIT 10;

-- ### tier changes, newest first (tiers)
SELECT c.id, c.partner_id, p.name, c.from_tier, c.to_tier, c.effective_on, c.kind, c.readiness,
       c.behaviour, c.trust, c.reason, COALESCE(u.display_name, 'system') AS by_name, c.changed_at
FROM tier_change c JOIN partner p ON p.id = c.partner_id LEFT JOIN app_user u ON u.id = c.changed_by
ORDER BY c.effective_on DESC, c.id DESC LIMIT 26 OFFSET 0;
