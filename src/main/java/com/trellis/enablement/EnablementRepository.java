package com.trellis.enablement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnablementRepository {

	private final JdbcClient jdbc;

	EnablementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Item> item(String code) {
		return this.jdbc.sql("""
				SELECT i.id, i.code, i.kind, i.name, i.required, i.validity_days, t.role, t.name AS track
				FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id WHERE i.code = :code
				""")
			.param("code", code)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("code"), rs.getString("kind"),
					rs.getString("name"), rs.getBoolean("required"), rs.getObject("validity_days", Integer.class),
					rs.getString("role"), rs.getString("track")))
			.optional();
	}

	List<Item> items() {
		return this.jdbc
			.sql("""
					SELECT i.id, i.code, i.kind, i.name, i.required, i.validity_days, t.role, t.name AS track
					FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id ORDER BY t.role, i.required DESC, i.code
					""")
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("code"), rs.getString("kind"),
					rs.getString("name"), rs.getBoolean("required"), rs.getObject("validity_days", Integer.class),
					rs.getString("role"), rs.getString("track")))
			.list();
	}

	/** The latest completion of each item by a user. */
	List<Completion> latestCompletions(long userId) {
		return this.jdbc.sql("""
				SELECT DISTINCT ON (c.item_id) c.item_id, c.completed_on, c.expires_on, c.partner_id
				FROM enablement_completion c WHERE c.user_id = :user ORDER BY c.item_id, c.completed_on DESC
				""")
			.param("user", userId)
			.query((rs, n) -> new Completion(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getLong(4)))
			.list();
	}

	boolean insert(long itemId, long userId, long partnerId, LocalDate completedOn, LocalDate expiresOn, String source,
			long recordedBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				    recorded_by, recorded_at)
				VALUES (:item, :user, :partner, :completed, :expires, :source, :by, :now) ON CONFLICT DO NOTHING
				""")
			.param("item", itemId)
			.param("user", userId)
			.param("partner", partnerId)
			.param("completed", completedOn)
			.param("expires", expiresOn)
			.param("source", source)
			.param("by", recordedBy)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Share of partners with a user who completed a track, and of partner users who did.
	 */
	Rates rates(LocalDate today) {
		return this.jdbc
			.sql("""
					WITH required AS (
					  SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
					  WHERE i.required GROUP BY t.role),
					done AS (
					  SELECT c.user_id, c.partner_id, t.role, count(DISTINCT c.item_id) AS n
					  FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
					  JOIN enablement_track t ON t.id = i.track_id
					  WHERE i.required AND (c.expires_on IS NULL OR c.expires_on >= :today)
					  GROUP BY c.user_id, c.partner_id, t.role),
					complete AS (SELECT d.user_id, d.partner_id FROM done d JOIN required r ON r.role = d.role AND d.n = r.n)
					SELECT (SELECT count(DISTINCT partner_id) FROM complete) AS partners_complete,
					       (SELECT count(DISTINCT partner_id) FROM enablement_completion) AS partners_started,
					       (SELECT count(*) FROM complete) AS users_complete,
					       (SELECT count(DISTINCT user_id) FROM enablement_completion) AS users_started
					""")
			.param("today", today)
			.query((rs, n) -> new Rates(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	record Item(long id, String code, String kind, String name, boolean required, Integer validityDays, String role,
			String track) {
	}

	record Completion(long itemId, LocalDate completedOn, LocalDate expiresOn, long partnerId) {
	}

	record Rates(long partnersComplete, long partnersStarted, long usersComplete, long usersStarted) {
	}

}
