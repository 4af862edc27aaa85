package com.trellis.audit;

import java.sql.Timestamp;

import com.trellis.shared.ListConditions;
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

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public PageResult<AuditRecord> search(AuditFilter filter, PageRequest page) {
		// only the filters given are written (ListConditions), so no generic plan of the
		// prepared statement reads the whole log for a filter it could not see
		var conditions = new ListConditions().when("entity_type = :type", "type", filter.entityType())
			.when("entity_id = :entity", "entity", filter.entityId())
			.when("actor_id = :actor", "actor", filter.actorId())
			.when("occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.when("occurred_at < :until", "until", filter.until() == null ? null : Timestamp.from(filter.until()));
		var fromWhere = "FROM audit_entry " + conditions.where();
		var params = conditions.parameters();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit(fromWhere))
			.params(params)
			.param("countLimit", page.countLimit())
			.query(Long.class)
			.single();
		return PageResult.counted(() -> this.jdbc.sql("""
				SELECT id, occurred_at, actor_id, actor_name, entity_type, entity_id, action,
				       before::text AS before, after::text AS after
				""" + fromWhere + " ORDER BY id DESC OFFSET :offset LIMIT :size")
			.params(params)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("action"), rs.getString("before"), rs.getString("after")))
			.list(), page, counted);
	}

}
