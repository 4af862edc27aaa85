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

	/** Every completion recorded for a partner's users, oldest first. */
	List<PartnerCompletion> completionsOfPartner(long partnerId) {
		return this.jdbc.sql("""
				SELECT c.id, c.user_id, i.code, c.completed_on FROM enablement_completion c
				JOIN enablement_item i ON i.id = c.item_id
				WHERE c.partner_id = :partner ORDER BY c.completed_on, c.user_id, i.code
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new PartnerCompletion(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	record PartnerCompletion(long id, long userId, String item, LocalDate completedOn) {
	}

	/**
	 * The new completion's id; empty when the user completed the item that day already.
	 */
	Optional<Long> insert(long itemId, long userId, long partnerId, LocalDate completedOn, LocalDate expiresOn,
			String source, long recordedBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				    recorded_by, recorded_at)
				VALUES (:item, :user, :partner, :completed, :expires, :source, :by, :now) ON CONFLICT DO NOTHING
				RETURNING id
				""")
			.param("item", itemId)
			.param("user", userId)
			.param("partner", partnerId)
			.param("completed", completedOn)
			.param("expires", expiresOn)
			.param("source", source)
			.param("by", recordedBy)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/** A completion by id: its user, item code and date. */
	Optional<Stored> completion(long id) {
		return this.jdbc.sql("""
				SELECT c.id, c.user_id, c.partner_id, i.code, c.completed_on
				FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id WHERE c.id = :id
				""").param("id", id).query(this::stored).optional();
	}

	/** The completion of an item by a user on a day. */
	Optional<Stored> completion(long userId, long itemId, LocalDate completedOn) {
		return this.jdbc.sql("""
				SELECT c.id, c.user_id, c.partner_id, i.code, c.completed_on
				FROM enablement_completion c JOIN enablement_item i ON i.id = c.item_id
				WHERE c.user_id = :user AND c.item_id = :item AND c.completed_on = :day
				""")
			.param("user", userId)
			.param("item", itemId)
			.param("day", completedOn)
			.query(this::stored)
			.optional();
	}

	/** Corrects an imported completion: its user, item and dates. */
	void correct(long id, long itemId, long userId, long partnerId, LocalDate completedOn, LocalDate expiresOn) {
		this.jdbc.sql("""
				UPDATE enablement_completion SET item_id = :item, user_id = :user, partner_id = :partner,
				    completed_on = :completed, expires_on = :expires WHERE id = :id
				""")
			.param("id", id)
			.param("item", itemId)
			.param("user", userId)
			.param("partner", partnerId)
			.param("completed", completedOn)
			.param("expires", expiresOn)
			.update();
	}

	private Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
				rs.getObject(5, LocalDate.class));
	}

	/** A stored completion as the import format reads it. */
	record Stored(long id, long userId, long partnerId, String item, LocalDate completedOn) {
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
