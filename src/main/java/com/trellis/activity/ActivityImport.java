package com.trellis.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity module's port for imported signal events (the Trellis activity format):
 * writes an event at its own time, reads one back, corrects one a later file changes, and
 * reads a partner's events for the export. The caller checked the role, the partner and
 * every value.
 */
@Service
public class ActivityImport {

	private final JdbcClient jdbc;

	ActivityImport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<ActivityEvent> find(long id) {
		return this.jdbc
			.sql("SELECT id, partner_id, user_id, type, occurred_at, detail FROM activity_event WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new ActivityEvent(rs.getLong("id"), rs.getLong("partner_id"),
					rs.getObject("user_id", Long.class), rs.getString("type"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("detail")))
			.optional();
	}

	/**
	 * One page of a partner's events, oldest first, as the viewer may see them (a partner
	 * user only their own partner's): what the Trellis activity export writes.
	 */
	@Transactional(readOnly = true)
	public PageResult<ActivityEvent> ofPartner(Viewer viewer, long partnerId, PageRequest page) {
		var where = """
				WHERE partner_id = :partner AND (CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)
				""";
		long total = this.jdbc.sql("SELECT count(*) FROM activity_event " + where)
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.query(Long.class)
			.single();
		var items = this.jdbc
			.sql("SELECT id, partner_id, user_id, type, occurred_at, detail FROM activity_event " + where
					+ " ORDER BY occurred_at, id LIMIT :limit OFFSET :offset")
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new ActivityEvent(rs.getLong("id"), rs.getLong("partner_id"),
					rs.getObject("user_id", Long.class), rs.getString("type"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("detail")))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(long partnerId, Long userId, String type, Instant occurredAt, String detail) {
		return this.jdbc.sql("""
				INSERT INTO activity_event (partner_id, user_id, type, occurred_at, detail)
				VALUES (:partner, :user, :type, :at, :detail) RETURNING id
				""")
			.param("partner", partnerId)
			.param("user", userId)
			.param("type", type)
			.param("at", Timestamp.from(occurredAt))
			.param("detail", detail)
			.query(Long.class)
			.single();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(long id, long partnerId, Long userId, String type, Instant occurredAt, String detail) {
		this.jdbc.sql("""
				UPDATE activity_event SET partner_id = :partner, user_id = :user, type = :type, occurred_at = :at,
				       detail = :detail WHERE id = :id
				""")
			.param("partner", partnerId)
			.param("user", userId)
			.param("type", type)
			.param("at", Timestamp.from(occurredAt))
			.param("detail", detail)
			.param("id", id)
			.update();
	}

}
