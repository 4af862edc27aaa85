package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's floors for the forecast counts' rebuild
 * ({@code ForecastRebuildBenchmark}): what writing a given number of the ledger's rows
 * ({@code forecast_deal_stage}) costs at all, and how many ledger rows a rebuild wrote.
 * Each measure runs in its own transaction on the benchmark's connection and is rolled
 * back; times in milliseconds.
 * <ul>
 * <li>{@link #copy(long)}: {@code COPY … FROM} a server-side file of that many ledger
 * rows (written by {@code COPY … TO} first, untimed) into a plain table without indexes
 * or constraints created in the same transaction: PostgreSQL's cheapest way to write
 * rows, with no query, join or index behind it. The file sits in the server's data folder
 * and is deleted afterwards.</li>
 * <li>{@link #unloggedInsert(long)}: {@code INSERT … SELECT} of that many ledger rows
 * into an unlogged table without indexes (no WAL).</li>
 * <li>{@link #rebuild(String...)}: the setup statements, then
 * {@code SELECT forecast_counts_rebuild()} timed, and the ledger rows it inserted (the
 * transaction's own statistics, {@code pg_stat_get_xact_tuples_inserted}; a TRUNCATE
 * resets them, so a reload counts the rows written after its TRUNCATE).</li>
 * </ul>
 * The copy floor is measured once per row count.
 */
final class LedgerWriteFloors {

	/** The rebuild's time and the ledger rows it inserted. */
	record Rebuild(double millis, long inserted) {
	}

	private static final String INSERTED = "SELECT pg_stat_get_xact_tuples_inserted(CAST('forecast_deal_stage' AS regclass))";

	private final Connection connection;

	private final Statement statement;

	private final Map<Long, Double> copies = new HashMap<>();

	LedgerWriteFloors(Connection connection, Statement statement) {
		this.connection = connection;
		this.statement = statement;
	}

	Rebuild rebuild(String... setup) throws SQLException {
		try {
			for (var sql : setup) {
				this.statement.execute(sql);
			}
			long before = single(INSERTED);
			long started = System.nanoTime();
			this.statement.execute("SELECT forecast_counts_rebuild()");
			double millis = (System.nanoTime() - started) / 1e6;
			return new Rebuild(millis, single(INSERTED) - before);
		}
		finally {
			this.connection.rollback();
		}
	}

	/** COPY of {@code rows} ledger rows into a table without indexes; 0 rows cost 0. */
	double copy(long rows) throws SQLException {
		if (rows <= 0) {
			return 0;
		}
		var known = this.copies.get(rows);
		if (known != null) {
			return known;
		}
		Path file;
		try (var dir = this.statement.executeQuery("SHOW data_directory")) {
			dir.next();
			file = Path.of(dir.getString(1), "forecast_floor_" + rows + ".copy");
		}
		try {
			this.statement.execute("COPY (SELECT * FROM forecast_deal_stage LIMIT " + rows + ") TO '" + file + "'");
			this.statement.execute("CREATE TABLE forecast_floor (LIKE forecast_deal_stage)");
			long started = System.nanoTime();
			this.statement.execute("COPY forecast_floor FROM '" + file + "'");
			double millis = (System.nanoTime() - started) / 1e6;
			this.copies.put(rows, millis);
			return millis;
		}
		finally {
			this.connection.rollback();
			try {
				Files.deleteIfExists(file);
			}
			catch (java.io.IOException ex) {
				System.err.println("could not delete " + file + ": " + ex);
			}
		}
	}

	/** INSERT … SELECT of {@code rows} ledger rows into an unlogged table, no indexes. */
	double unloggedInsert(long rows) throws SQLException {
		try {
			this.statement.execute("CREATE UNLOGGED TABLE forecast_floor (LIKE forecast_deal_stage)");
			long started = System.nanoTime();
			this.statement.execute("INSERT INTO forecast_floor SELECT * FROM forecast_deal_stage LIMIT " + rows);
			return (System.nanoTime() - started) / 1e6;
		}
		finally {
			this.connection.rollback();
		}
	}

	long ledgerRows() throws SQLException {
		try {
			return single("SELECT count(*) FROM forecast_deal_stage");
		}
		finally {
			this.connection.rollback();
		}
	}

	private long single(String sql) throws SQLException {
		try (var rows = this.statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
