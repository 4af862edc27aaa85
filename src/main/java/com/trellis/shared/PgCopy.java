package com.trellis.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes rows into one table with PostgreSQL's {@code COPY … FROM STDIN} (text format) on
 * the connection of the current transaction, sending about a megabyte at a time, so bulk
 * writers (the CRM import) stay within the caller's transaction: rolled back with it, all
 * or nothing. Values: null, text, numbers, {@link Instant} and {@link LocalDate}.
 */
public final class PgCopy implements AutoCloseable {

	private static final int CHUNK = 1 << 20;

	private final CopyIn in;

	private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

	private long rows;

	private boolean ended;

	private PgCopy(CopyIn in) {
		this.in = in;
	}

	/** Starts a COPY into {@code table}; the caller's transaction must be active. */
	public static PgCopy into(DataSource dataSource, String table, List<String> columns) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			var sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
			return new PgCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot start a COPY into " + table, ex);
		}
	}

	public void row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append('\t');
			}
			append(values[i]);
		}
		this.buffer.append('\n');
		this.rows++;
		if (this.buffer.length() >= CHUNK) {
			flush();
		}
	}

	/** Ends the COPY; returns the rows written. */
	public long finish() {
		flush();
		try {
			this.ended = true;
			return this.in.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Cancels a COPY that was not finished (a failure), so the transaction can roll back.
	 */
	@Override
	public void close() {
		if (!this.ended && this.in.isActive()) {
			try {
				this.in.cancelCopy();
			}
			catch (SQLException ex) {
				// the transaction is rolled back anyway
			}
		}
	}

	public long rows() {
		return this.rows;
	}

	private void append(Object value) {
		if (value == null) {
			this.buffer.append("\\N");
		}
		else if (value instanceof BigDecimal decimal) {
			this.buffer.append(decimal.toPlainString());
		}
		else if (value instanceof Number || value instanceof Instant || value instanceof LocalDate
				|| value instanceof Boolean) {
			this.buffer.append(value);
		}
		else {
			escape(value.toString());
		}
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.buffer.append("\\\\");
				case '\t' -> this.buffer.append("\\t");
				case '\n' -> this.buffer.append("\\n");
				case '\r' -> this.buffer.append("\\r");
				default -> this.buffer.append(c);
			}
		}
	}

	private void flush() {
		if (this.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.buffer.setLength(0);
		try {
			this.in.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

}
