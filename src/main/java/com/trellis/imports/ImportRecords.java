package com.trellis.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which source record became which Trellis record, with the digest of the values it was
 * last imported with and the owner (e-mail) its file named then ({@code source_owner},
 * null for records of the Trellis formats and those imported before V125).
 */
@Repository
class ImportRecords {

	private static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportRecords(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * A source record and what it became, with the digest of its values and the owner
	 * (e-mail) its file names.
	 */
	record Saved(String sourceId, long targetId, String fingerprint, boolean amountUnknown, String sourceOwner) {
	}

	/**
	 * Saves many records at once: streamed with {@code COPY} into a staging table that
	 * lives until the transaction ends, then merged into {@code import_record} with one
	 * {@code INSERT … SELECT … ON CONFLICT}, as {@link #save} does row by row.
	 */
	void saveAll(String system, String object, List<Saved> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE IF NOT EXISTS import_record_staging (
				    source_id TEXT NOT NULL, target_id BIGINT NOT NULL, fingerprint TEXT NOT NULL,
				    amount_unknown BOOLEAN NOT NULL, source_owner TEXT) ON COMMIT DROP
				""").update();
		this.jdbc.sql("TRUNCATE import_record_staging").update();
		try (var copy = PgCopy.into(this.dataSource, "import_record_staging",
				List.of("source_id", "target_id", "fingerprint", "amount_unknown", "source_owner"))) {
			rows.forEach(
					r -> copy.row(r.sourceId(), r.targetId(), r.fingerprint(), r.amountUnknown(), r.sourceOwner()));
			copy.finish();
		}
		this.jdbc
			.sql("""
					INSERT INTO import_record (source_system, object_type, source_id, target_id, fingerprint, amount_unknown,
					                           source_owner, imported_at, updated_at)
					SELECT :system, :object, source_id, target_id, fingerprint, amount_unknown, source_owner, :now, :now
					FROM import_record_staging
					ON CONFLICT (source_system, object_type, source_id)
					DO UPDATE SET target_id = EXCLUDED.target_id, fingerprint = EXCLUDED.fingerprint,
					              amount_unknown = EXCLUDED.amount_unknown, source_owner = EXCLUDED.source_owner,
					              updated_at = EXCLUDED.updated_at
					""")
			.param("system", system)
			.param("object", object)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Serialises real runs of one source system until the transaction ends, so that two
	 * runs of the same export (two admins, two instances) cannot both create a row the
	 * other has not committed yet: the second is refused at once with 409 (it never
	 * waits).
	 */
	void lock(String system) {
		ImportLock.claim(this.jdbc, "import_record:" + system);
	}

	record Known(long targetId, String fingerprint) {
	}

	Map<String, Known> find(String system, String object, Collection<String> sourceIds) {
		var found = new HashMap<String, Known>();
		var ids = new ArrayList<>(sourceIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			this.jdbc.sql("""
					SELECT source_id, target_id, fingerprint FROM import_record
					WHERE source_system = :system AND object_type = :object AND source_id IN (:ids)
					""")
				.param("system", system)
				.param("object", object)
				.param("ids", chunk)
				.query((rs, n) -> found.put(rs.getString(1), new Known(rs.getLong(2), rs.getString(3))))
				.list();
		}
		return found;
	}

	void save(String system, String object, Saved row, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO import_record (source_system, object_type, source_id, target_id, fingerprint, amount_unknown,
					                           source_owner, imported_at, updated_at)
					VALUES (:system, :object, :source, :target, :fingerprint, :unknown, :owner, :now, :now)
					ON CONFLICT (source_system, object_type, source_id)
					DO UPDATE SET target_id = EXCLUDED.target_id, fingerprint = EXCLUDED.fingerprint,
					              amount_unknown = EXCLUDED.amount_unknown, source_owner = EXCLUDED.source_owner,
					              updated_at = EXCLUDED.updated_at
					""")
			.param("system", system)
			.param("object", object)
			.param("source", row.sourceId())
			.param("target", row.targetId())
			.param("fingerprint", row.fingerprint())
			.param("unknown", row.amountUnknown())
			.param("owner", row.sourceOwner())
			.param("now", Timestamp.from(now))
			.update();
	}

}
