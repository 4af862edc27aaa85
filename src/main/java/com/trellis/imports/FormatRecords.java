package com.trellis.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outside ids of records imported in a Trellis format ({@code import_record}, source
 * system {@code TRELLIS}): which {@code source_id} became which Trellis record, so that a
 * file imported again updates that record instead of adding another.
 */
@Repository
class FormatRecords {

	static final String SYSTEM = "TRELLIS";

	private final JdbcClient jdbc;

	FormatRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises real runs of one format until the transaction ends: a second is refused
	 * at once with 409 (it never waits).
	 */
	void lock(String object) {
		ImportLock.claim(this.jdbc, "import_record:TRELLIS:" + object);
	}

	/** Trellis ids by source id, of those given that were imported before. */
	Map<String, Long> targets(String object, Collection<String> sourceIds) {
		var found = new HashMap<String, Long>();
		if (sourceIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT source_id, target_id FROM import_record
				WHERE source_system = 'TRELLIS' AND object_type = :object AND source_id = ANY (CAST(:ids AS TEXT[]))
				""")
			.param("object", object)
			.param("ids", sourceIds.toArray(String[]::new))
			.query((rs, n) -> found.put(rs.getString(1), rs.getLong(2)))
			.list();
		return found;
	}

	/** Source ids by Trellis id, of those given that were imported with one. */
	Map<Long, String> sources(String object, Collection<Long> targetIds) {
		var found = new HashMap<Long, String>();
		if (targetIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT target_id, source_id FROM import_record
				WHERE source_system = 'TRELLIS' AND object_type = :object AND target_id = ANY (CAST(:ids AS BIGINT[]))
				""")
			.param("object", object)
			.param("ids", com.trellis.shared.SqlIds.array(targetIds))
			.query((rs, n) -> found.put(rs.getLong(1), rs.getString(2)))
			.list();
		return found;
	}

	void save(String object, String sourceId, long targetId, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO import_record (source_system, object_type, source_id, target_id, fingerprint, amount_unknown,
					                           imported_at, updated_at)
					VALUES ('TRELLIS', :object, :source, :target, '', FALSE, :now, :now)
					ON CONFLICT (source_system, object_type, source_id)
					DO UPDATE SET target_id = EXCLUDED.target_id, updated_at = EXCLUDED.updated_at
					""")
			.param("object", object)
			.param("source", sourceId)
			.param("target", targetId)
			.param("now", Timestamp.from(now))
			.update();
	}

}
