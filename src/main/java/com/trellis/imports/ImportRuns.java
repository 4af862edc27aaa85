package com.trellis.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trellis.shared.ConflictException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable status of import runs (background jobs), one RUNNING at a time. */
@Repository
class ImportRuns {

	/** A run without a heartbeat for this long lost its instance: it failed. */
	static final Duration STALE = Duration.ofMinutes(1);

	static final String INTERRUPTED = "interrupted: the instance running it stopped before it finished; nothing was applied";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ImportRuns(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A run's status as the page and the API show it.
	 *
	 * @param status RUNNING, SUCCEEDED or FAILED
	 * @param phase QUEUED, READING, VALIDATING, APPLYING or DONE
	 * @param rowsRead rows read from the export's files
	 * @param rowsValidated of these, the rows validated (file rows; reaches rowsRead)
	 * @param rowsApplied records written: accounts, partners, deals and stage changes
	 * (not file rows: a HubSpot deal row carries its stage changes, so it may exceed
	 * rowsRead)
	 */
	record Run(long id, long uploadId, String system, long startedBy, boolean dryRun, String status, String phase,
			long rowsRead, long rowsValidated, long rowsApplied, Instant startedAt, Instant finishedAt, String error,
			ImportReport report, Map<String, String> mapping) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

	}

	/**
	 * Starts a run; a real one is refused while another real one runs, a check (dry run)
	 * never.
	 */
	long start(long uploadId, String system, long userId, boolean dryRun, Map<String, String> mapping, Instant now) {
		try {
			return this.jdbc.sql("""
					INSERT INTO import_run (upload_id, source_system, started_by, dry_run, mapping, status, phase,
					                        started_at, heartbeat_at)
					VALUES (:upload, :system, :user, :dryRun, CAST(:mapping AS JSONB), 'RUNNING', 'QUEUED', :now, :now)
					RETURNING id
					""")
				.param("upload", uploadId)
				.param("system", system)
				.param("user", userId)
				.param("dryRun", dryRun)
				.param("mapping", this.json.writeValueAsString(mapping))
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("import", ImportLock.RUNNING);
		}
	}

	/** Progress and heartbeat of a run still running (its own short transaction). */
	void progress(long id, String phase, long read, long validated, long applied, Instant now) {
		this.jdbc.sql("""
				UPDATE import_run SET phase = :phase, rows_read = :read, rows_validated = :validated,
				       rows_applied = :applied, heartbeat_at = :now
				WHERE id = :id AND status = 'RUNNING'
				""")
			.param("phase", phase)
			.param("read", read)
			.param("validated", validated)
			.param("applied", applied)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Ends a run: SUCCEEDED in the transaction that applied it, FAILED after a rollback.
	 */
	void finish(long id, boolean succeeded, long read, long applied, String error, ImportReport report, Instant now) {
		this.jdbc.sql("""
				UPDATE import_run SET status = :status, phase = 'DONE', rows_read = :read,
				       rows_validated = CASE WHEN :succeeded THEN :read ELSE rows_validated END,
				       rows_applied = :applied, finished_at = :now, heartbeat_at = :now, error = :error,
				       report = CAST(:report AS JSONB)
				WHERE id = :id
				""")
			.param("status", succeeded ? "SUCCEEDED" : "FAILED")
			.param("succeeded", succeeded)
			.param("read", read)
			.param("applied", applied)
			.param("now", Timestamp.from(now))
			.param("error", error)
			.param("report", report == null ? null : this.json.writeValueAsString(report))
			.param("id", id)
			.update();
	}

	/** Marks runs whose instance stopped as FAILED; returns how many. */
	int failStale(Instant now) {
		return this.jdbc.sql("""
				UPDATE import_run SET status = 'FAILED', finished_at = :now, error = :error
				WHERE status = 'RUNNING' AND heartbeat_at < :before
				""")
			.param("now", Timestamp.from(now))
			.param("error", INTERRUPTED)
			.param("before", Timestamp.from(now.minus(STALE)))
			.update();
	}

	Optional<Run> find(long id) {
		return this.jdbc.sql("SELECT * FROM import_run WHERE id = :id").param("id", id).query(this::run).optional();
	}

	/**
	 * The upload's newest check (dry run), if one was started: the page of its mapping.
	 */
	Optional<Run> newestCheck(long uploadId) {
		return this.jdbc.sql(
				"SELECT * FROM import_run WHERE upload_id = :upload AND dry_run ORDER BY started_at DESC, id DESC LIMIT 1")
			.param("upload", uploadId)
			.query(this::run)
			.optional();
	}

	/**
	 * The real run going on now, if any (at most one: {@link #start} refuses a second).
	 */
	Optional<Run> running() {
		return this.jdbc.sql("SELECT * FROM import_run WHERE status = 'RUNNING' AND NOT dry_run LIMIT 1")
			.query(this::run)
			.optional();
	}

	List<Run> latest(int limit) {
		return this.jdbc.sql("SELECT * FROM import_run ORDER BY started_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	private Run run(ResultSet rs, int n) throws SQLException {
		var report = rs.getString("report");
		var finished = rs.getTimestamp("finished_at");
		var mapping = rs.getString("mapping");
		var choices = new java.util.LinkedHashMap<String, String>();
		if (mapping != null) {
			this.json.readTree(mapping).properties().forEach(e -> choices.put(e.getKey(), e.getValue().asString()));
		}
		return new Run(rs.getLong("id"), rs.getLong("upload_id"), rs.getString("source_system"),
				rs.getLong("started_by"), rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("phase"),
				rs.getLong("rows_read"), rs.getLong("rows_validated"), rs.getLong("rows_applied"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getString("error"), report == null ? null : this.json.readValue(report, ImportReport.class),
				choices);
	}

}
