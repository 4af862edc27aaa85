package com.trellis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files uploaded on the Import page, kept for the mapping step and the run: each file as
 * chunks of about a megabyte, written and read back streaming.
 */
@Repository
class ImportUploads {

	private static final int CHUNK = 1 << 20;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportUploads(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	record Upload(long id, String system, Map<String, ImportFile> files) {
	}

	long save(String system, long userId, Map<String, ImportFile> files, Instant now) {
		long id = this.jdbc.sql("""
				INSERT INTO import_upload (source_system, uploaded_by, uploaded_at) VALUES (:system, :user, :now)
				RETURNING id
				""")
			.param("system", system)
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		files.forEach((name, file) -> {
			try (var in = file.bytes()) {
				int seq = 0;
				byte[] chunk;
				while ((chunk = in.readNBytes(CHUNK)).length > 0) {
					this.jdbc.sql(
							"INSERT INTO import_upload_chunk (upload_id, name, seq, bytes) VALUES (:id, :name, :seq, :bytes)")
						.param("id", id)
						.param("name", name)
						.param("seq", seq++)
						.param("bytes", chunk)
						.update();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return id;
	}

	boolean exists(long id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_upload WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	Optional<Upload> find(long id) {
		var system = this.jdbc.sql("SELECT source_system FROM import_upload WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
		if (system.isEmpty()) {
			return Optional.empty();
		}
		var files = new LinkedHashMap<String, ImportFile>();
		this.jdbc.sql("SELECT DISTINCT name FROM import_upload_chunk WHERE upload_id = :id ORDER BY name")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach(name -> files.put(name, () -> new Chunks(id, name)));
		return Optional.of(new Upload(id, system.get(), files));
	}

	/** A stored file read chunk by chunk. */
	private final class Chunks extends InputStream {

		private final long upload;

		private final String name;

		private int seq;

		private byte[] chunk = new byte[0];

		private int at;

		Chunks(long upload, String name) {
			this.upload = upload;
			this.name = name;
		}

		@Override
		public int read() {
			return fill() ? this.chunk[this.at++] & 0xff : -1;
		}

		@Override
		public int read(byte[] into, int off, int len) {
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, this.chunk.length - this.at);
			System.arraycopy(this.chunk, this.at, into, off, n);
			this.at += n;
			return n;
		}

		private boolean fill() {
			while (this.at >= this.chunk.length) {
				var next = next();
				if (next == null) {
					return false;
				}
				this.seq++;
				this.chunk = next;
				this.at = 0;
			}
			return true;
		}

		/**
		 * The next chunk, read on a connection of its own: the run's connection is busy
		 * copying the rows read into its staging tables.
		 */
		private byte[] next() {
			try (var connection = ImportUploads.this.dataSource.getConnection();
					var query = connection.prepareStatement(
							"SELECT bytes FROM import_upload_chunk WHERE upload_id = ? AND name = ? AND seq = ?")) {
				query.setLong(1, this.upload);
				query.setString(2, this.name);
				query.setInt(3, this.seq);
				try (var rs = query.executeQuery()) {
					return rs.next() ? rs.getBytes(1) : null;
				}
			}
			catch (SQLException ex) {
				throw new UncheckedIOException(new IOException("the stored upload could not be read", ex));
			}
		}

	}

}
