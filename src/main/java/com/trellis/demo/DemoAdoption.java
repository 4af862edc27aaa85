package com.trellis.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's reps as the adoption page tells them apart (§C10): each rep's hidden habit,
 * from their place in their manager's team (so every team shows both), decides whether
 * they reach for a partner unprompted or mostly after their sales manager's prompt. A
 * "compliant" rep (every third of a team) brought in three of four of their influence and
 * co-sell partners after a prompt; the others one in ten. The prompt comes a day before
 * the partner was put on the deal (not before the deal existed) and closes when the
 * partner is put on, as the live path closes it. Registrations a rep made for a partner
 * are the other habit ({@link DemoRegistrations}).
 */
final class DemoAdoption {

	private DemoAdoption() {
	}

	/** Writes the prompts; returns how many. */
	static int writePrompts(JdbcClient jdbc) {
		return jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, suggested_partner_id, note, prompted_at,
				    closed_at)
				SELECT d.opportunity_id, u.manager_id, u.id, d.partner_id, 'Could ' || p.name || ' help on this deal?',
				       greatest(o.created_at, d.attached_at - interval '1 day'), d.attached_at
				FROM deal_partner_attachment d
				JOIN opportunity o ON o.id = d.opportunity_id
				JOIN (SELECT u.id, u.manager_id, row_number() OVER (PARTITION BY u.manager_id ORDER BY u.id) AS n
				      FROM app_user u WHERE u.manager_id IS NOT NULL) u ON u.id = o.owner_id
				JOIN partner p ON p.id = d.partner_id
				WHERE d.via = 'REP' AND d.credit_type <> 'SOURCED'
				  AND CASE WHEN u.n % 3 = 0 THEN o.id % 4 <> 0 ELSE o.id % 10 = 0 END
				""").update();
	}

}
