package com.trellis.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deal registrations behind the demo's partner-sourced deals, and a few still being
 * decided. Each partner-sourced deal was opened from its partner's registration (made by
 * the deal's rep for the partner for every third deal of one rep in three), approved by
 * the partner's PAM when the deal was created (faster for better partners, which the tier
 * shows); its protection runs 90 days from approval, ends with the deal when it closes,
 * won or lost, and lapsed on an open deal past it; the history shows the approval and the
 * end. Active partners then have registrations on customers without a deal: pending
 * within the approval SLA, pending past it, rejected, withdrawn, and one on hold behind
 * another partner's registration of the same customer (with the conflict the PAM sees).
 */
final class DemoRegistrations {

	private DemoRegistrations() {
	}

	static int record(JdbcClient jdbc, Instant now) {
		var at = Timestamp.from(now);
		int rows = jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
					    registrable_domain, normalized_name, name_shape, customer_need, amount, currency, expected_close_date,
					    credit_type, partner_share, status, status_reason, submitted_at, sla_due_at, protection_ends_at,
					    decided_at, decided_by, approved_at, opportunity_id, deal_closed_at)
					SELECT r.partner_id, r.registered_by, r.account_id, r.name, r.web_domain, r.registrable_domain,
					       r.normalized_name, r.shape, 'New project: ' || r.deal_name, r.amount, r.currency,
					       coalesce(r.close_date, CAST(r.created_at AS DATE) + 60), 'SOURCED', coalesce(r.partner_share, 20),
					       CASE WHEN r.stage = 'CLOSED_LOST' THEN 'DEAL_LOST'
					            WHEN r.stage = 'CLOSED_WON' THEN 'DEAL_WON'
					            WHEN r.closed_at IS NULL AND r.created_at + interval '90 days' < :now THEN 'EXPIRED'
					            ELSE 'APPROVED' END,
					       CASE WHEN r.stage = 'CLOSED_LOST' THEN 'Your deal closed lost, so the protection of this customer ended.'
					            WHEN r.stage = 'CLOSED_WON'
					            THEN 'Your deal closed won; the registration did its work and its protection ended.'
					            WHEN r.closed_at IS NULL AND r.created_at + interval '90 days' < :now
					            THEN 'Protection ended before the deal closed' END,
					       r.created_at - r.wait, r.created_at - r.wait + interval '2 days', r.created_at + interval '90 days',
					       CASE WHEN r.closed_at IS NULL AND r.created_at + interval '90 days' < :now
					            THEN r.created_at + interval '90 days' ELSE coalesce(r.closed_at, r.created_at) END,
					       CASE WHEN r.closed_at IS NULL THEN r.owner_pam_id END, r.created_at, r.opportunity_id, r.closed_at
					FROM (SELECT o.id AS opportunity_id, o.name AS deal_name, o.amount, o.currency, o.close_date, o.stage,
					             o.partner_id, o.partner_share, o.created_at, o.closed_at, a.id AS account_id, a.name,
					             a.web_domain, a.registrable_domain, a.normalized_name, p.owner_pam_id,
					             -- a rep with the habit (one in three of each team) registered every third of
					             -- their partner's deals for the partner (§C10 "registrations made")
					             CASE WHEN h.n % 3 = 1 AND o.id % 3 = 0 THEN o.owner_id
					                  ELSE (SELECT min(u.id) FROM app_user u WHERE u.partner_id = p.id) END AS registered_by,
					             registration_name_shape(a.normalized_name) AS shape,
					             make_interval(hours => CAST(2 + (o.id % 7) * CASE p.tier WHEN 'TIER_1_STRATEGIC' THEN 1
					                                                      WHEN 'TIER_2_EMERGING' THEN 3 ELSE 5 END AS INT)) AS wait
					      FROM opportunity o JOIN account a ON a.id = o.account_id JOIN partner p ON p.id = o.partner_id
					      LEFT JOIN (SELECT u.id, row_number() OVER (PARTITION BY u.manager_id ORDER BY u.id) AS n
					                 FROM app_user u) h ON h.id = o.owner_id
					      WHERE o.credit_type = 'SOURCED' AND o.amount > 0) r
					WHERE r.registered_by IS NOT NULL
					""")
			.param("now", at)
			.update();
		return rows + recordUndecided(jdbc, now);
	}

	private static int recordUndecided(JdbcClient jdbc, Instant now) {
		var at = Timestamp.from(now);
		int rows = jdbc
			.sql("""
					WITH partners AS (
					    SELECT p.id, p.owner_pam_id, (SELECT min(u.id) FROM app_user u WHERE u.partner_id = p.id) AS user_id,
					           row_number() OVER (ORDER BY p.tier, p.id) AS n
					    FROM partner p WHERE p.lifecycle_status = 'ACTIVE'),
					free AS (
					    SELECT a.*, row_number() OVER (ORDER BY a.id) AS n FROM account a
					    WHERE NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id)
					      AND a.id < (SELECT max(id) FROM account)),
					picked AS (
					    SELECT p.id AS partner_id, p.owner_pam_id, p.user_id, f.id AS account_id, f.name, f.web_domain,
					           f.registrable_domain, f.normalized_name, p.n,
					           (ARRAY['PENDING', 'PENDING', 'PENDING_LATE', 'REJECTED', 'WITHDRAWN', 'PENDING', 'PENDING_LATE',
					                  'EXPIRED'])[1 + (p.n - 1) % 8] AS kind,
					           make_interval(hours => CAST(3 + p.n * 5 % 19 AS INT)) AS age
					    FROM partners p JOIN free f ON f.n = p.n
					    WHERE p.user_id IS NOT NULL AND p.n <= 16)
					INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
					    registrable_domain, normalized_name, name_shape, customer_need, amount, currency, expected_close_date,
					    credit_type, partner_share, status, status_reason, submitted_at, sla_due_at, protection_ends_at,
					    decided_at, decided_by, approved_at)
					SELECT k.partner_id, k.user_id, k.account_id, k.name, k.web_domain, k.registrable_domain, k.normalized_name,
					       registration_name_shape(k.normalized_name),
					       'Platform roll-out for ' || k.name, 12000 + 1500 * k.n, 'USD', CAST(:now AS DATE) + 75, 'SOURCED', 20,
					       CASE k.kind WHEN 'PENDING_LATE' THEN 'PENDING' ELSE k.kind END,
					       CASE k.kind WHEN 'REJECTED' THEN 'The customer is in an active direct engagement'
					                   WHEN 'WITHDRAWN' THEN 'The customer postponed the project'
					                   WHEN 'EXPIRED' THEN 'Protection ended before a deal was opened' END,
					       s.submitted, s.submitted + interval '2 days',
					       CASE WHEN k.kind IN ('PENDING', 'PENDING_LATE') THEN s.submitted + interval '90 days'
					            WHEN k.kind = 'EXPIRED' THEN s.submitted + interval '91 days' END,
					       CASE WHEN k.kind IN ('REJECTED', 'WITHDRAWN') THEN s.submitted + interval '1 day'
					            WHEN k.kind = 'EXPIRED' THEN s.submitted + interval '91 days' END,
					       CASE k.kind WHEN 'REJECTED' THEN k.owner_pam_id WHEN 'WITHDRAWN' THEN k.user_id END,
					       CASE WHEN k.kind = 'EXPIRED' THEN s.submitted + interval '1 day' END
					FROM picked k
					CROSS JOIN LATERAL (SELECT CASE k.kind WHEN 'PENDING' THEN CAST(:now AS TIMESTAMPTZ) - k.age
					                                     WHEN 'PENDING_LATE' THEN CAST(:now AS TIMESTAMPTZ) - interval '4 days' - k.age
					                                     WHEN 'EXPIRED' THEN CAST(:now AS TIMESTAMPTZ) - interval '120 days' - k.age
					                                     ELSE CAST(:now AS TIMESTAMPTZ) - interval '20 days' - k.age END AS submitted) s
					""")
			.param("now", at)
			.update();
		return rows + recordHeld(jdbc, now);
	}

	/**
	 * A second partner registers a customer another partner registered first: on hold.
	 */
	private static int recordHeld(JdbcClient jdbc, Instant now) {
		var first = jdbc.sql("""
				SELECT r.id FROM deal_registration r WHERE r.status = 'PENDING' AND r.opportunity_id IS NULL
				ORDER BY r.submitted_at DESC LIMIT 2
				""").query(Long.class).list();
		int rows = 0;
		for (long id : first) {
			var held = jdbc
				.sql("""
						INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
						    registrable_domain, normalized_name, name_shape, customer_need, amount, currency, expected_close_date,
						    credit_type, partner_share, status, status_reason, held_behind_id, submitted_at, sla_due_at)
						SELECT o.id, (SELECT min(u.id) FROM app_user u WHERE u.partner_id = o.id), r.account_id, r.customer_name,
						       r.customer_domain, r.registrable_domain, r.normalized_name, r.name_shape,
						       'Migration project at ' || r.customer_name, r.amount, r.currency, r.expected_close_date, 'SOURCED',
						       20, 'ON_HOLD', 'Held behind an earlier registration of the same customer', r.id,
						       r.submitted_at + interval '2 hours', r.submitted_at + interval '2 hours' + interval '2 days'
						FROM deal_registration r
						JOIN LATERAL (SELECT p.id FROM partner p WHERE p.lifecycle_status = 'ACTIVE' AND p.id <> r.partner_id
						              AND EXISTS (SELECT 1 FROM app_user u WHERE u.partner_id = p.id)
						              ORDER BY (p.id * 7919 + r.id) % 97 LIMIT 1) o ON TRUE
						WHERE r.id = :id AND r.submitted_at + interval '2 hours' < :now
						RETURNING id, partner_id, submitted_at
						""")
				.param("id", id)
				.param("now", Timestamp.from(now))
				.query()
				.listOfRows();
			for (var row : held) {
				rows++;
				jdbc.sql(
						"""
								INSERT INTO registration_conflict (registration_id, candidate_kind, candidate_id, partner_id,
								    match_kind, score, reason, detected_at)
								SELECT :held, 'REGISTRATION', r.id, r.partner_id, 'DOMAIN', 1.000,
								       'Same customer domain ' || coalesce(r.registrable_domain, r.customer_name) || ' as an earlier open registration',
								       :at
								FROM deal_registration r WHERE r.id = :id
								""")
					.param("held", row.get("id"))
					.param("id", id)
					.param("at", row.get("submitted_at"))
					.update();
			}
		}
		jdbc.sql(
				"""
						INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
						SELECT r.id, NULL, 'PENDING', r.registered_by, r.submitted_at, 'Submitted' FROM deal_registration r
						UNION ALL
						SELECT r.id, 'PENDING', 'APPROVED', p.owner_pam_id, r.approved_at, 'Approved'
						FROM deal_registration r JOIN partner p ON p.id = r.partner_id WHERE r.approved_at IS NOT NULL
						UNION ALL
						SELECT r.id, CASE WHEN r.approved_at IS NULL THEN 'PENDING' ELSE 'APPROVED' END, r.status, r.decided_by,
						       r.decided_at, r.status_reason
						FROM deal_registration r WHERE r.decided_at IS NOT NULL AND r.status IN ('REJECTED', 'WITHDRAWN', 'EXPIRED', 'DEAL_LOST', 'DEAL_WON')
						UNION ALL
						SELECT r.id, 'PENDING', 'ON_HOLD', NULL, r.submitted_at, r.status_reason FROM deal_registration r
						WHERE r.status = 'ON_HOLD'
						""")
			.update();
		return rows;
	}

}
