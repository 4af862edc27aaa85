package com.trellis.demo;

import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records an enablement completion for each course and certification the generated
 * activity stream shows a partner user earning: of the user's own track, completed on the
 * event's business day, expiring after the item's validity. The stream follows each
 * partner's hidden quality, so certified delivery staff do too.
 */
final class DemoCompletions {

	private DemoCompletions() {
	}

	/**
	 * Records the courses, then the certifications. Both are needed: the completion rate
	 * counts a user who holds every required item of the track, and a certification alone
	 * never was all of them.
	 */
	static int recordCompletions(JdbcClient jdbc, ZoneId zone) {
		return recordCourses(jdbc, zone) + recordCertifications(jdbc, zone);
	}

	/**
	 * The n-th course a user completes in the activity stream is the n-th course of the
	 * user's track (by code: the required ones come first).
	 */
	static int recordCourses(JdbcClient jdbc, ZoneId zone) {
		return jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				                                   recorded_by, recorded_at)
				SELECT i.id, e.user_id, e.partner_id, CAST(e.occurred_at AT TIME ZONE :zone AS DATE),
				       CAST(e.occurred_at AT TIME ZONE :zone AS DATE) + i.validity_days, 'PARTNER', e.user_id,
				       e.occurred_at
				FROM (SELECT e.*, row_number() OVER (PARTITION BY e.user_id ORDER BY e.occurred_at, e.id) AS n
				      FROM activity_event e WHERE e.type = 'TRAINING_COMPLETED' AND e.user_id IS NOT NULL) e
				JOIN app_user u ON u.id = e.user_id
				JOIN enablement_track t ON t.role = u.job_role
				JOIN (SELECT i.*, row_number() OVER (PARTITION BY i.track_id ORDER BY NOT i.required, i.code) AS n
				      FROM enablement_item i WHERE i.kind = 'COURSE') i ON i.track_id = t.id AND i.n = e.n
				ON CONFLICT (item_id, user_id, completed_on) DO NOTHING
				""").param("zone", zone.getId()).update();
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
