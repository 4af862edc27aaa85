package com.trellis.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files uploaded on the Import page, kept for the mapping step. */
@Repository
class ImportUploads {

	private final JdbcClient jdbc;

	ImportUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Upload(long id, String system, Map<String, String> files) {
	}

	long save(String system, long userId, Map<String, String> files, Instant now) {
		long id = this.jdbc.sql("""
				INSERT INTO import_upload (source_system, uploaded_by, uploaded_at) VALUES (:system, :user, :now)
				RETURNING id
				""")
			.param("system", system)
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		files.forEach((name, content) -> this.jdbc
			.sql("INSERT INTO import_upload_file (upload_id, name, content) VALUES (:id, :name, :content)")
			.param("id", id)
			.param("name", name)
			.param("content", content)
			.update());
		return id;
	}

	Optional<Upload> find(long id) {
		var system = this.jdbc.sql("SELECT source_system FROM import_upload WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
		if (system.isEmpty()) {
			return Optional.empty();
		}
		var files = new LinkedHashMap<String, String>();
		this.jdbc.sql("SELECT name, content FROM import_upload_file WHERE upload_id = :id ORDER BY name")
			.param("id", id)
			.query((rs, n) -> files.put(rs.getString(1), rs.getString(2)))
			.list();
		return Optional.of(new Upload(id, system.get(), files));
	}

}
