package com.trellis.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} (text format), one COPY
 * per table, in chunks of about a megabyte. Memory stays bounded however many rows come.
 * The caller owns the connection and its transaction.
 */
final class CopySink implements RowSink {

	private static final Logger log = LoggerFactory.getLogger(CopySink.class);

	private static final int CHUNK_BYTES = 1 << 20;

	private static final long PROGRESS_EVERY = 1_000_000;

	private final CopyManager copy;

	private final Map<String, Long> rows = new LinkedHashMap<>();

	private CopyIn open;

	private final BooleanSupplier stopRequested;

	CopySink(Connection connection, BooleanSupplier stopRequested) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.stopRequested = stopRequested;
	}

	@Override
	public Table table(String name, List<String> columns) {
		if (this.open != null) {
			throw new IllegalStateException("Another COPY is still open");
		}
		var sql = "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
		try {
			this.open = this.copy.copyIn(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot start " + sql, ex);
		}
		return new CopyTable(name, this.open);
	}

	/** Cancels a COPY left open by a failure, so the transaction can roll back. */
	void abort() {
		if (this.open != null && this.open.isActive()) {
			try {
				this.open.cancelCopy();
			}
			catch (SQLException ex) {
				log.warn("Could not cancel the open COPY", ex);
			}
		}
		this.open = null;
	}

	Map<String, Long> rows() {
		return this.rows;
	}

	private final class CopyTable implements Table {

		private final String name;

		private final CopyIn in;

		private final StringBuilder buffer = new StringBuilder(CHUNK_BYTES + 4096);

		private final long started = System.nanoTime();

		private long count;

		CopyTable(String name, CopyIn in) {
			this.name = name;
			this.in = in;
		}

		@Override
		public void row(Object... values) {
			CopyText.appendLine(this.buffer, values);
			this.count++;
			if (this.buffer.length() >= CHUNK_BYTES) {
				flush();
			}
			if (this.count % PROGRESS_EVERY == 0) {
				log.info("Demo data: {} rows into {} so far ({} rows/s)", this.count, this.name, rate());
			}
		}

		@Override
		public void close() {
			flush();
			try {
				this.in.endCopy();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into " + this.name + " failed", ex);
			}
			CopySink.this.open = null;
			CopySink.this.rows.merge(this.name, this.count, Long::sum);
			log.info("Demo data: {} rows into {} in {} ms ({} rows/s)", this.count, this.name,
					(System.nanoTime() - this.started) / 1_000_000, rate());
		}

		private long rate() {
			double seconds = Math.max(1e-3, (System.nanoTime() - this.started) / 1e9);
			return Math.round(this.count / seconds);
		}

		private void flush() {
			if (CopySink.this.stopRequested.getAsBoolean()) {
				throw new DemoLoadStopped();
			}
			if (this.buffer.length() == 0) {
				return;
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.in.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into " + this.name + " failed", ex);
			}
		}

	}

}
