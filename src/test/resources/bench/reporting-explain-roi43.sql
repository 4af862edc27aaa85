-- ### roi43: ADMIN /roi program page statement
WITH scope AS (
	    SELECT p.id, p.name, coalesce(t1.to_tier, t2.from_tier, p.tier) AS tier, p.lifecycle_status,
	           CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	             AS existed
	    FROM partner p
	    LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, to_tier FROM tier_change
	               WHERE effective_on <= '2026-12-04' ORDER BY partner_id, effective_on DESC, id DESC) t1
	      ON t1.partner_id = p.id
	    LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, from_tier FROM tier_change
	               ORDER BY partner_id, effective_on, id) t2 ON t2.partner_id = p.id
	    WHERE true
	      AND true
	      AND true
	),
	rate AS (
	    SELECT round(r.pam_cost_per_partner * pfx.to_reporting, 2) AS pam, r.enablement_hour_cost AS hour_cost, efx.to_reporting AS hour_rate
	    FROM roi_cost_rate r JOIN exchange_rate pfx ON pfx.currency = r.pam_currency
	    JOIN exchange_rate efx ON efx.currency = r.enablement_currency
	),
	paid AS (
	    SELECT pi.partner_id,
	           sum(round(pi.amount * fx.to_reporting, 2)) FILTER (WHERE e.kind = 'MDF_REIMBURSEMENT') AS mdf,
	           sum(round(pi.amount * fx.to_reporting, 2)) FILTER (WHERE e.kind <> 'MDF_REIMBURSEMENT') AS incentives
	    FROM payout_item pi JOIN incentive_earning e ON e.id = pi.earning_id
	    JOIN exchange_rate fx ON fx.currency = pi.currency JOIN partner s ON s.id = pi.partner_id
	    WHERE pi.paid_at >= '2026-10-01 00:00:00+00' AND pi.paid_at < '2027-01-01 00:00:00+00' GROUP BY pi.partner_id
	),
	spend AS (
	    SELECT sp.partner_id, sum(round(sp.amount * fx.to_reporting, 2)) AS spend FROM roi_program_spend sp
	    JOIN exchange_rate fx ON fx.currency = sp.currency JOIN partner s ON s.id = sp.partner_id
	    WHERE sp.spent_on >= '2026-10-01' AND sp.spent_on < '2027-01-01' GROUP BY sp.partner_id
	),
	fix AS (
	    SELECT t.partner_id AS id FROM tier_change t WHERE t.effective_on > '2026-12-04'
	    UNION
	    SELECT k.partner_id FROM roi_partner_kept k WHERE k.onboarded_on IS NOT NULL AND k.onboarded_on > '2026-12-04'
	    UNION
	    SELECT k.partner_id FROM roi_partner_kept k WHERE k.onboarded_on IS NULL AND k.created_at >= '2026-12-04 14:37:46.902906+00'
	),
	fixed AS MATERIALIZED (
	    SELECT k.partner_id, k.tier AS kept_tier, k.charged AS kept_charged, d.tier,
	           d.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT') AND d.existed AS charged,
	           coalesce(q.hours_months, 0) > 0 AS has_hours,
	           CASE WHEN q.hours_months > 0 THEN scale(q.hours) ELSE 0 END AS hours_scale,
	           CASE WHEN q.hours_months > 0 THEN q.hours ELSE 0 END AS hours,
	           CASE WHEN q.made_months > 0 THEN q.pipeline ELSE 0 END AS pipeline,
	           CASE WHEN q.made_months > 0 THEN q.revenue ELSE 0 END AS revenue
	    FROM fix f JOIN roi_partner_kept k ON k.partner_id = f.id
	    JOIN (SELECT p.id, p.lifecycle_status,
	       coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= '2026-12-04'
	                 ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
	                (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
	                 ORDER BY t.effective_on, t.id LIMIT 1), p.tier) AS tier,
	       CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	         AS existed
	FROM partner p WHERE p.id IN (SELECT id FROM fix)) d ON d.id = f.id
	    LEFT JOIN roi_partner_quarter_fact q ON q.quarter = '2026-10-01' AND q.partner_id = f.id
	),
	grouped AS (
	    SELECT a.tier, a.charged, a.has_hours, a.hours_scale, a.hours, sum(a.n) AS n, sum(a.pipeline) AS pipeline,
	           sum(a.revenue) AS revenue
	    FROM (
	        SELECT f.tier, f.charged, f.has_hours, f.hours_scale, f.hours, f.partners AS n, f.pipeline, f.revenue
	        FROM roi_tier_quarter_fact f WHERE f.quarter = '2026-10-01'
	        UNION ALL
	        SELECT c.tier, c.charged, false, 0, 0, c.partners - coalesce((SELECT sum(f.partners) FROM roi_tier_quarter_fact f
	            WHERE f.quarter = '2026-10-01' AND f.tier = c.tier AND f.charged = c.charged), 0), 0, 0
	        FROM roi_tier_count c
	        UNION ALL
	        SELECT x.kept_tier, x.kept_charged, x.has_hours, x.hours_scale, x.hours, -1, -x.pipeline, -x.revenue
	        FROM fixed x
	        UNION ALL
	        SELECT x.tier, x.charged, x.has_hours, x.hours_scale, x.hours, 1, x.pipeline, x.revenue FROM fixed x
	    ) a
	    GROUP BY 1, 2, 3, 4, 5
	),
	tier_sums AS (
	    SELECT g.tier, CAST(sum(g.n) AS BIGINT) AS partners,
	           sum(g.n * g.hours) FILTER (WHERE g.n > 0) AS hours,
	           sum(g.n * coalesce(round(g.hours * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0)) FILTER (WHERE g.n > 0) AS enablement,
	           sum(g.n * CASE WHEN g.charged THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END)
	             FILTER (WHERE g.n > 0) AS pam,
	           coalesce(sum(g.pipeline), 0) AS pipeline, coalesce(sum(g.revenue), 0) AS revenue
	    FROM grouped g GROUP BY g.tier HAVING sum(g.n) > 0
	),
	pay AS (
	    SELECT coalesce(x.tier, k.tier) AS tier, sum(coalesce(pd.mdf, 0)) AS mdf,
	           sum(coalesce(pd.incentives, 0)) AS incentives, sum(coalesce(sp.spend, 0)) AS spend
	    FROM (SELECT partner_id FROM paid UNION SELECT partner_id FROM spend) u
	    JOIN roi_partner_kept k ON k.partner_id = u.partner_id
	    LEFT JOIN fixed x ON x.partner_id = u.partner_id
	    LEFT JOIN paid pd ON pd.partner_id = u.partner_id LEFT JOIN spend sp ON sp.partner_id = u.partner_id
	    GROUP BY 1
	),
	flat AS (
	    SELECT coalesce((SELECT r.hour_cost * r.hour_rate FROM rate r), 0) = 0 AS yes
	),
	first AS MATERIALIZED (
	    SELECT f.cost FROM (SELECT c.id, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
	FROM (
	    SELECT p.id, coalesce(round(coalesce(q.hours, 0) * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0) AS enablement, coalesce(pd.mdf, 0) AS mdf,
	           coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend, CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	      AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	     THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END AS pam
	    FROM (SELECT h.id FROM (SELECT q.partner_id AS id FROM roi_partner_quarter_fact q
	                  WHERE q.quarter = '2026-10-01' AND q.hours_months > 0 ORDER BY q.hours DESC LIMIT '200') h
	UNION
	SELECT h.id FROM (SELECT q.partner_id AS id FROM roi_partner_quarter_fact q JOIN partner p ON p.id = q.partner_id
	                  WHERE q.quarter = '2026-10-01' AND q.hours_months > 0
	                    AND p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	                    AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04'
	                             ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	                  ORDER BY q.hours DESC LIMIT '200') h
	UNION SELECT partner_id FROM paid UNION SELECT partner_id FROM spend) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
	    LEFT JOIN LATERAL (SELECT CASE WHEN q.hours_months > 0 THEN q.hours END AS hours
	                       FROM roi_partner_quarter_fact q
	                       WHERE NOT (SELECT yes FROM flat) AND q.partner_id = p.id AND q.quarter = '2026-10-01'
	                       OFFSET 0) q ON true
	    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
	) c) f WHERE NOT (SELECT yes FROM flat)
	),
	bound AS (
	    SELECT CASE WHEN r.hour_cost * r.hour_rate > 0
	                THEN (l.cost - greatest(round(coalesce(r.pam, 0), 2), 0) - 0.01) / (r.hour_cost * r.hour_rate)
	           END AS hours
	    FROM (SELECT f.cost FROM first f ORDER BY f.cost DESC LIMIT 1 OFFSET '200' - 1) l CROSS JOIN rate r
	),
	candidates AS (
	    SELECT partner_id AS id FROM paid
	    UNION SELECT partner_id FROM spend
	    UNION
	    SELECT q.partner_id FROM roi_partner_quarter_fact q
	    WHERE NOT (SELECT yes FROM flat) AND q.quarter = '2026-10-01' AND q.hours_months > 0
	      AND q.hours >= coalesce((SELECT hours FROM bound), CAST('-Infinity' AS NUMERIC))
	    UNION SELECT a.id FROM (SELECT p.id FROM partner p
	WHERE (p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	       AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04'
	                ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END) IS TRUE
	  AND p.id NOT IN (SELECT partner_id FROM paid UNION ALL SELECT partner_id FROM spend)
	  AND ((SELECT yes FROM flat) OR NOT EXISTS (SELECT 1 FROM roi_partner_quarter_fact q
	       WHERE q.partner_id = p.id AND q.quarter = '2026-10-01' AND q.hours_months > 0))
	ORDER BY p.id LIMIT '200') a
	    UNION SELECT b.id FROM (SELECT p.id FROM partner p
	WHERE (p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	       AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04'
	                ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END) IS NOT TRUE
	  AND p.id NOT IN (SELECT partner_id FROM paid UNION ALL SELECT partner_id FROM spend)
	  AND ((SELECT yes FROM flat) OR NOT EXISTS (SELECT 1 FROM roi_partner_quarter_fact q
	       WHERE q.partner_id = p.id AND q.quarter = '2026-10-01' AND q.hours_months > 0))
	ORDER BY p.id LIMIT '200') b
	),
	top AS MATERIALIZED (
	    SELECT * FROM (SELECT c.*, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
	FROM (
	    SELECT p.id, p.name,
	           coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= '2026-12-04'
	                     ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
	                    (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
	                     ORDER BY t.effective_on, t.id LIMIT 1), p.tier) AS tier,
	           coalesce(q.hours, 0) AS hours, coalesce(round(coalesce(q.hours, 0) * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0) AS enablement,
	           coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
	           CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	      AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	     THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END AS pam,
	           coalesce(q.pipeline, 0) AS pipeline, coalesce(q.revenue, 0) AS revenue
	    FROM (SELECT c.id FROM (SELECT c.id, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
	FROM (
	    SELECT p.id, coalesce(round(coalesce(q.hours, 0) * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0) AS enablement, coalesce(pd.mdf, 0) AS mdf,
	           coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend, CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	      AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	     THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END AS pam
	    FROM (SELECT id FROM candidates) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
	    LEFT JOIN LATERAL (SELECT CASE WHEN q.hours_months > 0 THEN q.hours END AS hours
	                       FROM roi_partner_quarter_fact q
	                       WHERE NOT (SELECT yes FROM flat) AND q.partner_id = p.id AND q.quarter = '2026-10-01'
	                       OFFSET 0) q ON true
	    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
	) c) c ORDER BY c.cost DESC, c.id LIMIT '200') i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
	    LEFT JOIN (SELECT q.partner_id, CASE WHEN q.hours_months > 0 THEN q.hours END AS hours,
	                      CASE WHEN q.made_months > 0 THEN q.pipeline END AS pipeline,
	                      CASE WHEN q.made_months > 0 THEN q.revenue END AS revenue
	               FROM roi_partner_quarter_fact q WHERE q.quarter = '2026-10-01') q ON q.partner_id = p.id
	    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
	) c) k ORDER BY k.cost DESC, k.id
	),
	baseline AS (
	    SELECT industry, CAST(sum(won) AS NUMERIC) * 1.0 / sum(closed) AS rate FROM roi_close_fact
	    WHERE partner_id = 0 AND month >= '2026-10-01' AND month < '2027-01-01' GROUP BY industry
	),
	lift AS (
	    SELECT c.partner_id, sum(c.closed) AS deals, sum(c.won) AS won, sum(c.closed * b.rate) AS expected
	    FROM roi_close_fact c JOIN baseline b ON b.industry = c.industry JOIN top s ON s.id = c.partner_id
	    WHERE c.month >= '2026-10-01' AND c.month < '2027-01-01'
	    GROUP BY c.partner_id
	),
	own AS MATERIALIZED (
	    SELECT partner_id AS id FROM paid
	    UNION SELECT partner_id FROM spend
	    UNION SELECT partner_id FROM fixed
	    UNION SELECT q.partner_id FROM roi_partner_quarter_fact q
	    WHERE NOT (SELECT yes FROM flat) AND q.quarter = '2026-10-01' AND q.hours_months > 0
	),
	looked AS MATERIALIZED (
	    SELECT c.id, c.charged, c.paid, c.hours, c.momentum FROM (
	        SELECT o.id, CASE WHEN x.partner_id IS NULL THEN k.tier ELSE x.tier END AS tier,
	               CASE WHEN x.partner_id IS NULL THEN k.charged ELSE x.charged END AS charged,
	               o.id IN (SELECT partner_id FROM paid) OR o.id IN (SELECT partner_id FROM spend) AS paid,
	               coalesce(q.hours, 0) AS hours, (SELECT w.momentum FROM roi_momentum_week w WHERE w.partner_id = o.id AND w.week_start <= '2026-12-04'
	 ORDER BY w.week_start DESC LIMIT 1) AS momentum
	        FROM own o CROSS JOIN LATERAL (SELECT k.tier, k.charged FROM roi_partner_kept k
	                                       WHERE k.partner_id = o.id OFFSET 0) k
	        LEFT JOIN fixed x ON x.partner_id = o.id
	        LEFT JOIN roi_partner_quarter_fact q
	          ON NOT (SELECT yes FROM flat) AND q.quarter = '2026-10-01' AND q.partner_id = o.id AND q.hours_months > 0
	    ) c
	    WHERE c.momentum IS NOT NULL AND c.tier IS DISTINCT FROM 'TIER_1_INVEST'
	),
	heads_of AS MATERIALIZED (
	    SELECT m.partner_id, m.momentum, m.part, k.charged, k.tier FROM (
	        (SELECT w.partner_id, w.momentum, 1 AS part FROM roi_momentum_week w
	         WHERE w.next_week IS NULL AND w.momentum IS NOT NULL AND w.week_start <= '2026-12-04'
	         ORDER BY w.momentum DESC, w.partner_id LIMIT 1000)
	        UNION ALL
	        (SELECT w.partner_id, w.momentum, 2 FROM roi_momentum_week w
	         WHERE '2026-12-04' < (SELECT max(v.next_week) FROM roi_momentum_week v)
	           AND w.next_week BETWEEN CAST('2026-12-04' AS DATE) + 1 AND (SELECT max(v.next_week) FROM roi_momentum_week v)
	           AND w.momentum IS NOT NULL AND w.week_start <= '2026-12-04'
	         ORDER BY w.momentum DESC, w.partner_id LIMIT 1000)
	    ) m
	    LEFT JOIN LATERAL (SELECT k.charged, k.tier FROM roi_partner_kept k WHERE k.partner_id = m.partner_id
	                       OFFSET 0) k ON true
	),
	classed AS MATERIALIZED (
	    SELECT h.id, c.charged, false AS paid, CAST(0 AS NUMERIC) AS hours, h.momentum
	    FROM (VALUES (true), (false)) c (charged)
	    CROSS JOIN LATERAL (
	        SELECT m.partner_id AS id, m.momentum FROM heads_of m
	        WHERE m.charged = c.charged AND m.tier IS DISTINCT FROM 'TIER_1_INVEST'
	          AND m.partner_id NOT IN (SELECT id FROM own)
	        ORDER BY m.momentum DESC, m.partner_id LIMIT '20'
	    ) h
	    UNION
	    SELECT h.id, c.charged, false, CAST(0 AS NUMERIC), h.momentum
	    FROM (VALUES (true), (false)) c (charged)
	    CROSS JOIN LATERAL (
	        SELECT m.partner_id AS id, m.momentum FROM (
	            SELECT w.partner_id, w.momentum FROM roi_momentum_week w
	            WHERE w.next_week IS NULL AND w.momentum IS NOT NULL AND w.week_start <= '2026-12-04'
	            UNION ALL
	            SELECT w.partner_id, w.momentum FROM roi_momentum_week w
	            WHERE w.next_week > '2026-12-04' AND w.momentum IS NOT NULL AND w.week_start <= '2026-12-04'
	        ) m
	        JOIN roi_partner_kept k ON k.partner_id = m.partner_id
	        WHERE k.charged = c.charged AND k.tier IS DISTINCT FROM 'TIER_1_INVEST'
	          AND m.partner_id NOT IN (SELECT id FROM own)
	        ORDER BY m.momentum DESC, m.partner_id LIMIT '20'
	    ) h
	    WHERE EXISTS (SELECT 1 FROM (
	            SELECT count(*) AS n,
	                   count(*) FILTER (WHERE x.charged = c.charged AND x.tier IS DISTINCT FROM 'TIER_1_INVEST'
	                                      AND x.partner_id NOT IN (SELECT id FROM own)) AS found
	            FROM heads_of x GROUP BY x.part) y
	        WHERE y.n = 1000 AND y.found < '20')
	),
	scored AS (
	    SELECT id, charged, paid, hours, momentum FROM looked
	    UNION ALL
	    SELECT id, charged, paid, hours, momentum FROM classed
	),
	reach AS (
	    SELECT (SELECT count(*) FROM (SELECT 1 FROM scored LIMIT '20') s) AS scored,
	           (SELECT count(*) FROM (SELECT 1 FROM scored m WHERE m.momentum >= '5' LIMIT '20') b)
	             AS building
	),
	heads AS (
	    SELECT h.id, h.momentum FROM (
	        SELECT m.id, m.momentum, m.paid,
	               row_number() OVER (PARTITION BY m.paid, m.charged, m.hours ORDER BY m.momentum DESC, m.id) AS n
	        FROM scored m
	        WHERE (SELECT building FROM reach) < '20' OR m.momentum >= '5'
	    ) h
	    WHERE h.paid OR h.n <= '20'
	),
	unscored AS (
	    SELECT p.id FROM partner p
	    WHERE (SELECT scored FROM reach) < '20'
	      AND coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= '2026-12-04'
	                    ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
	                   (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
	                    ORDER BY t.effective_on, t.id LIMIT 1), p.tier) <> 'TIER_1_INVEST'
	      AND p.id NOT IN (SELECT m.id FROM scored m)
	    ORDER BY p.id LIMIT '20'
	),
	reinvest_ids AS MATERIALIZED (
	    SELECT id, momentum FROM heads
	    UNION ALL
	    SELECT id, CAST(NULL AS NUMERIC) FROM unscored
	),
	ranked AS (
	    SELECT m.*,
	           CASE WHEN m.momentum IS NULL THEN 4
	                WHEN m.cost <= 0 THEN CASE WHEN m.momentum >= '5' THEN 1 ELSE 2 END
	                WHEN m.momentum >= '5' THEN 0 WHEN m.momentum <= '-5' THEN 3 ELSE 2 END AS shift,
	           CASE WHEN m.momentum IS NOT NULL AND m.cost > 0 THEN CASE WHEN abs((m.momentum * 1000 / m.cost) * 100 - trunc((m.momentum * 1000 / m.cost) * 100)) = 0.5 THEN (trunc((m.momentum * 1000 / m.cost) * 100) + CASE WHEN mod(trunc((m.momentum * 1000 / m.cost) * 100), 2) = 0 THEN 0 ELSE sign(m.momentum * 1000 / m.cost) END) / 100 ELSE round(m.momentum * 1000 / m.cost, 2) END END AS per_thousand
	    FROM (SELECT c.id, c.cost, i.momentum FROM (SELECT c.id, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
	FROM (
	    SELECT p.id, coalesce(round(coalesce(q.hours, 0) * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0) AS enablement, coalesce(pd.mdf, 0) AS mdf,
	           coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend, CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	      AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	     THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END AS pam
	    FROM (SELECT id FROM reinvest_ids) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
	    LEFT JOIN LATERAL (SELECT CASE WHEN q.hours_months > 0 THEN q.hours END AS hours
	                       FROM roi_partner_quarter_fact q
	                       WHERE NOT (SELECT yes FROM flat) AND q.partner_id = p.id AND q.quarter = '2026-10-01'
	                       OFFSET 0) q ON true
	    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
	) c) c JOIN reinvest_ids i ON i.id = c.id) m
	),
	picked AS MATERIALIZED (
	    SELECT * FROM ranked ORDER BY shift, per_thousand DESC NULLS LAST, momentum DESC NULLS LAST, id
	    LIMIT '20'
	),
	chosen AS (
	    SELECT f.id, f.name, f.tier, f.cost, r.momentum,
	           row_number() OVER (ORDER BY r.shift, r.per_thousand DESC NULLS LAST, r.momentum DESC NULLS LAST, r.id)
	             AS ord
	    FROM picked r JOIN (SELECT c.*, c.enablement + c.mdf + c.incentives + c.spend + c.pam AS cost
	FROM (
	    SELECT p.id, p.name,
	           coalesce((SELECT t.to_tier FROM tier_change t WHERE t.partner_id = p.id AND t.effective_on <= '2026-12-04'
	                     ORDER BY t.effective_on DESC, t.id DESC LIMIT 1),
	                    (SELECT t.from_tier FROM tier_change t WHERE t.partner_id = p.id
	                     ORDER BY t.effective_on, t.id LIMIT 1), p.tier) AS tier,
	           coalesce(q.hours, 0) AS hours, coalesce(round(coalesce(q.hours, 0) * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0) AS enablement,
	           coalesce(pd.mdf, 0) AS mdf, coalesce(pd.incentives, 0) AS incentives, coalesce(sp.spend, 0) AS spend,
	           CASE WHEN p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	      AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04' ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END
	     THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END AS pam,
	           coalesce(q.pipeline, 0) AS pipeline, coalesce(q.revenue, 0) AS revenue
	    FROM (SELECT id FROM picked) i CROSS JOIN LATERAL (SELECT p.* FROM partner p WHERE p.id = i.id OFFSET 0) p
	    LEFT JOIN (SELECT q.partner_id, CASE WHEN q.hours_months > 0 THEN q.hours END AS hours,
	                      CASE WHEN q.made_months > 0 THEN q.pipeline END AS pipeline,
	                      CASE WHEN q.made_months > 0 THEN q.revenue END AS revenue
	               FROM roi_partner_quarter_fact q WHERE q.quarter = '2026-10-01') q ON q.partner_id = p.id
	    LEFT JOIN paid pd ON pd.partner_id = p.id LEFT JOIN spend sp ON sp.partner_id = p.id
	) c) f ON f.id = r.id
	),
	cohort_groups AS (
	    SELECT cm.cohort_id, m.charged, m.hours_scale, m.hours, count(*) AS n, sum(m.pipeline) AS pipeline,
	           sum(m.revenue) AS revenue
	    FROM cohort_membership cm
	    JOIN (SELECT p.id,
	                 p.lifecycle_status IN ('ONBOARDING', 'ACTIVE', 'DORMANT')
	                 AND CASE WHEN p.onboarded_on IS NOT NULL THEN p.onboarded_on <= '2026-12-04'
	                          ELSE p.created_at < '2026-12-04 14:37:46.902906+00' END AS charged,
	                 CASE WHEN q.hours_months > 0 THEN scale(q.hours) ELSE 0 END AS hours_scale,
	                 CASE WHEN q.hours_months > 0 THEN q.hours ELSE 0 END AS hours,
	                 CASE WHEN q.made_months > 0 THEN q.pipeline ELSE 0 END AS pipeline,
	                 CASE WHEN q.made_months > 0 THEN q.revenue ELSE 0 END AS revenue
	          FROM partner p LEFT JOIN roi_partner_quarter_fact q ON q.quarter = '2026-10-01' AND q.partner_id = p.id) m
	      ON m.id = cm.partner_id
	    WHERE cm.valid_from < '2026-12-04 14:37:46.902906+00' AND (cm.valid_to IS NULL OR cm.valid_to >= '2026-12-04 14:37:46.902906+00')
	    GROUP BY 1, 2, 3, 4
	),
	cohort_pay AS (
	    SELECT cm.cohort_id, sum(coalesce(pd.mdf, 0)) AS mdf, sum(coalesce(pd.incentives, 0)) AS incentives,
	           sum(coalesce(sp.spend, 0)) AS spend
	    FROM (SELECT partner_id FROM paid UNION SELECT partner_id FROM spend) u
	    JOIN cohort_membership cm ON cm.partner_id = u.partner_id
	     AND cm.valid_from < '2026-12-04 14:37:46.902906+00' AND (cm.valid_to IS NULL OR cm.valid_to >= '2026-12-04 14:37:46.902906+00')
	    LEFT JOIN paid pd ON pd.partner_id = u.partner_id LEFT JOIN spend sp ON sp.partner_id = u.partner_id
	    GROUP BY cm.cohort_id
	)
	SELECT * FROM (
	    SELECT 'T' AS kind, t.tier AS grp, CAST(NULL AS BIGINT) AS cohort_id, t.partners, t.hours, t.enablement,
	           coalesce(y.mdf, 0) AS mdf, coalesce(y.incentives, 0) AS incentives, coalesce(y.spend, 0) AS spend,
	           t.pam, t.pipeline, t.revenue, CAST(NULL AS BIGINT) AS id, CAST(NULL AS TEXT) AS name, CAST(NULL AS TEXT) AS tier,
	CAST(NULL AS NUMERIC) AS deals, CAST(NULL AS NUMERIC) AS won, CAST(NULL AS NUMERIC) AS expected,
	CAST(NULL AS NUMERIC) AS cost, CAST(NULL AS NUMERIC) AS momentum, CAST(0 AS BIGINT) AS ord
	    FROM tier_sums t LEFT JOIN pay y ON y.tier = t.tier
	    UNION ALL
	    SELECT 'C', c.name, c.id, s.partners, s.hours, s.enablement, coalesce(y.mdf, 0), coalesce(y.incentives, 0),
	           coalesce(y.spend, 0), s.pam, s.pipeline, s.revenue, CAST(NULL AS BIGINT) AS id, CAST(NULL AS TEXT) AS name, CAST(NULL AS TEXT) AS tier,
	CAST(NULL AS NUMERIC) AS deals, CAST(NULL AS NUMERIC) AS won, CAST(NULL AS NUMERIC) AS expected,
	CAST(NULL AS NUMERIC) AS cost, CAST(NULL AS NUMERIC) AS momentum, CAST(0 AS BIGINT) AS ord
	    FROM (SELECT g.cohort_id, CAST(sum(g.n) AS BIGINT) AS partners, sum(g.n * g.hours) AS hours,
	                 sum(g.n * coalesce(round(g.hours * (SELECT hour_cost FROM rate) * (SELECT hour_rate FROM rate), 2), 0)) AS enablement,
	                 sum(g.n * CASE WHEN g.charged THEN round(coalesce((SELECT pam FROM rate), 0), 2) ELSE 0 END)
	                   AS pam,
	                 sum(g.pipeline) AS pipeline, sum(g.revenue) AS revenue
	          FROM cohort_groups g GROUP BY g.cohort_id) s
	    JOIN cohort c ON c.id = s.cohort_id LEFT JOIN cohort_pay y ON y.cohort_id = s.cohort_id
	    UNION ALL
	    SELECT 'L', NULL, NULL, NULL, t.hours, t.enablement, t.mdf, t.incentives, t.spend, t.pam, t.pipeline,
	           t.revenue, t.id, t.name, t.tier, coalesce(l.deals, 0), coalesce(l.won, 0), coalesce(l.expected, 0),
	           t.cost, NULL, row_number() OVER (ORDER BY t.cost DESC, t.id)
	    FROM top t LEFT JOIN lift l ON l.partner_id = t.id
	    UNION ALL
	    SELECT 'R', NULL, NULL, CAST(NULL AS BIGINT), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC),
	CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC), CAST(NULL AS NUMERIC),
	CAST(NULL AS NUMERIC), r.id, r.name, r.tier, NULL, NULL, NULL, r.cost, r.momentum, r.ord
	    FROM chosen r
	) g
	ORDER BY kind, ord, grp, cohort_id
