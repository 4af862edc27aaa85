package com.trellis.audit;

import java.sql.Timestamp;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log, newest first: a page of the entries a filter leaves, counted
 * {@link PageRequest#listed up to a limit} past the page on list pages. The entries are
 * read in the order of their numbers (the order they were written) through the primary
 * key, the entity index (V6) or the actor index (V309); the caller checked who may read.
 */
@Service
public class AuditTrail {

	private static final String FROM_WHERE = """
			FROM audit_entry
			WHERE (CAST(:type AS TEXT) IS NULL OR entity_type = :type)
			  AND (CAST(:entity AS TEXT) IS NULL OR entity_id = :entity)
			  AND (CAST(:actor AS BIGINT) IS NULL OR actor_id = :actor)
			  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR occurred_at >= :from)
			  AND (CAST(:until AS TIMESTAMPTZ) IS NULL OR occurred_at < :until)
			""";

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public PageResult<AuditRecord> search(AuditFilter filter, PageRequest page) {
		long counted = bind(this.jdbc.sql(PageRequest.countUpToLimit(FROM_WHERE)), filter)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> bind(this.jdbc.sql("""
				SELECT id, occurred_at, actor_id, actor_name, entity_type, entity_id, action,
				       before::text AS before, after::text AS after
				""" + FROM_WHERE + " ORDER BY id DESC OFFSET :offset LIMIT :size"), filter)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("action"), rs.getString("before"), rs.getString("after")))
			.list(), page, counted);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditFilter filter) {
		return statement.param("type", filter.entityType())
			.param("entity", filter.entityId())
			.param("actor", filter.actorId())
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("until", filter.until() == null ? null : Timestamp.from(filter.until()));
	}

}
