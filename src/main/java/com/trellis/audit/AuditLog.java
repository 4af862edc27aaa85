package com.trellis.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.SqlPipeline;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes in the caller's transaction, so a change and its audit entry commit or
 * roll back together. Entries are never updated or deleted (the table refuses it).
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, String entityType, Object entityId, String action, Object before, Object after) {
		this.jdbc.sql(INSERT).params(entry(actor, entityType, entityId, action, before, after)).update();
	}

	/**
	 * As {@link #record}, with the entry added to the caller's pipeline, written when the
	 * caller sends it (in its transaction, with the statements it sends together).
	 */
	public void record(SqlPipeline pipeline, Actor actor, String entityType, Object entityId, String action,
			Object before, Object after) {
		pipeline.update(INSERT, entry(actor, entityType, entityId, action, before, after));
	}

	private static final String INSERT = """
			INSERT INTO audit_entry (actor_id, actor_name, occurred_at, entity_type, entity_id, action, before, after)
			VALUES (:actorId, :actorName, :at, :type, :id, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))
			""";

	private Map<String, Object> entry(Actor actor, String entityType, Object entityId, String action, Object before,
			Object after) {
		var params = new HashMap<String, Object>();
		params.put("actorId", actor.userId());
		params.put("actorName", actor.name());
		params.put("at", Timestamp.from(this.clock.instant()));
		params.put("type", entityType);
		params.put("id", String.valueOf(entityId));
		params.put("action", action);
		params.put("before", toJson(before));
		params.put("after", toJson(after));
		return params;
	}

	@Transactional(readOnly = true)
	public List<Entry> history(String entityType, Object entityId) {
		return this.jdbc.sql("""
				SELECT actor_name, occurred_at, action, before::text AS before, after::text AS after
				FROM audit_entry WHERE entity_type = :type AND entity_id = :id ORDER BY occurred_at DESC, id DESC
				""")
			.param("type", entityType)
			.param("id", String.valueOf(entityId))
			.query((rs, n) -> new Entry(rs.getString("actor_name"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("action"), rs.getString("before"), rs.getString("after")))
			.list();
	}

	private String toJson(Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	/**
	 * Who made a change; {@code userId} is null for the system itself (jobs, demo
	 * loader).
	 */
	public record Actor(Long userId, String name) {

		public static final Actor SYSTEM = new Actor(null, "system");

	}

	public record Entry(String actor, Instant at, String action, String before, String after) {
	}

}
