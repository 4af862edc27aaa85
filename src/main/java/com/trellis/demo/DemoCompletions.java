package com.trellis.demo;

import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records an enablement completion for each certification the generated activity stream
 * shows a partner user earning: the certification of the user's own track, completed on
 * the event's business day, expiring after the item's validity. The stream follows each
 * partner's hidden quality, so certified delivery staff do too.
 */
final class DemoCompletions {

	private DemoCompletions() {
	}

	static int recordCertifications(JdbcClient jdbc, ZoneId zone) {
		return jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				                                   recorded_by, recorded_at)
				SELECT i.id, e.user_id, e.partner_id, CAST(e.occurred_at AT TIME ZONE :zone AS DATE),
				       CAST(e.occurred_at AT TIME ZONE :zone AS DATE) + i.validity_days, 'PARTNER', e.user_id,
				       e.occurred_at
				FROM activity_event e
				JOIN app_user u ON u.id = e.user_id
				JOIN enablement_track t ON t.role = u.job_role
				JOIN enablement_item i ON i.track_id = t.id AND i.kind = 'CERTIFICATION'
				WHERE e.type = 'CERTIFICATION_EARNED'
				ON CONFLICT (item_id, user_id, completed_on) DO NOTHING
				""").param("zone", zone.getId()).update();
	}

}
