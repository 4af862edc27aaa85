package com.trellis.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify}): the forecast
 * counts' full rebuild from the base tables ({@code forecast_counts_rebuild()}, V193 with
 * V195's settings) next to what the machine can do in the same run, each in a rolled-back
 * transaction:
 * <ul>
 * <li>read floors: one sequential scan of {@code opportunity}; one sequential scan, in
 * one process, of every table the rebuild reads ({@code opportunity},
 * {@code opportunity_stage_change}, {@code forecast_deal_stage}, {@code partner},
 * {@code tier_change});</li>
 * <li>writer floors ({@link LedgerWriteFloors}): a plain {@code INSERT … SELECT} of the
 * ledger's rows into an unindexed table; the same plus building the ledger's two indexes;
 * a {@code COPY} of the ledger's rows into a table without indexes; an
 * {@code INSERT … SELECT} of them into an unlogged table without indexes;</li>
 * <li>the rebuild as V111 defined it ({@code bench/forecast-counts-rebuild-v111.sql};
 * {@code -Dtrellis.bench.old-rebuild=false} leaves it out), as V137 defined it
 * ({@code bench/forecast-counts-rebuild-v137.sql}; {@code -Dtrellis.bench.v137=false}
 * leaves it out) and today's ({@code -Dtrellis.bench.rebuild-runs}, default 1): with the
 * ledger as kept (nothing to repair), after 1,000 won deals' ledger rows were deleted
 * (repaired deal by deal) and after the whole ledger was emptied (reloaded in bulk); each
 * of today's with the ledger rows it wrote and, beside it, its floors: the read floor
 * plus a {@code COPY} of as many ledger rows;</li>
 * <li>with {@code -Dtrellis.bench.compare=true}: V111's and today's rebuild in one
 * transaction and the number of ledger, stage, path and day-bin rows that differ (must be
 * 0);</li>
 * <li>each statement of today's rebuild with its {@code EXPLAIN (ANALYZE, BUFFERS)} plan
 * (through {@code auto_explain}, nested statements, the parts' plans from the parallel
 * workers included).</li>
 * </ul>
 * Times in milliseconds, each with the 1-minute load average when it was taken; writes
 * {@code target/benchmark-forecast-rebuild.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForecastRebuildBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	/** One pass over each table the rebuild reads. */
	private static final String READ_FLOOR = """
			SELECT (SELECT count(*) FROM opportunity WHERE stage IS NOT NULL),
			       (SELECT count(*) FROM opportunity_stage_change WHERE to_stage IS NOT NULL),
			       (SELECT count(*) FROM forecast_deal_stage WHERE grp IS NOT NULL),
			       (SELECT count(*) FROM partner WHERE tier IS NOT NULL),
			       (SELECT count(*) FROM tier_change WHERE to_tier IS NOT NULL)
			""";

	private static final String[] COUNTED = { "forecast_deal_stage", "forecast_stage_count", "forecast_path_count",
			"forecast_stage_days" };

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
	}

	@Autowired
	DataSource dataSource;

	@Test
	void theForecastCountsRebuildAgainstItsFloors() throws Exception {
		var out = new StringBuilder();
		try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			// -Dtrellis.bench.redefine=db/migration/V137__….sql runs that script first
			// (while
			// iterating on a migration a data folder has already applied; with
			// -Dspring.flyway.validate-on-migrate=false)
			var redefine = System.getProperty("trellis.bench.redefine", "");
			if (!redefine.isBlank()) {
				statement.execute(resource("/" + redefine.strip()));
				connection.commit();
			}
			out.append(shape(statement));
			line(out, "sequential scan of opportunity (floor)",
					rolledBack(connection, statement, "SET LOCAL enable_indexscan = off",
							"SET LOCAL enable_indexonlyscan = off", "SET LOCAL enable_bitmapscan = off",
							"SELECT count(*), sum(amount) FROM opportunity"));
			double readFloor = rolledBack(connection, statement, "SET LOCAL enable_indexscan = off",
					"SET LOCAL enable_indexonlyscan = off", "SET LOCAL enable_bitmapscan = off",
					"SET LOCAL max_parallel_workers_per_gather = 0", READ_FLOOR);
			line(out, "sequential scan of the tables the rebuild reads (floor)", readFloor);
			line(out, "INSERT of the ledger's rows, unindexed table (floor)",
					rolledBack(connection, statement, "CREATE TABLE forecast_floor (LIKE forecast_deal_stage)",
							"INSERT INTO forecast_floor SELECT * FROM forecast_deal_stage"));
			line(out, "the same and the ledger's two indexes built (floor)",
					rolledBack(connection, statement, "CREATE TABLE forecast_floor (LIKE forecast_deal_stage)",
							"INSERT INTO forecast_floor SELECT * FROM forecast_deal_stage",
							"SET LOCAL maintenance_work_mem = '512MB'",
							"ALTER TABLE forecast_floor ADD PRIMARY KEY (opportunity_id, stage)",
							"CREATE INDEX ON forecast_floor (stage, grp, days)"));
			var floors = new LedgerWriteFloors(connection, statement);
			long ledger = floors.ledgerRows();
			line(out, String.format(Locale.ROOT, "COPY of the ledger's %,d rows, no indexes (writer floor)", ledger),
					floors.copy(ledger));
			line(out, "INSERT of them into an unlogged table, no indexes (floor)", floors.unloggedInsert(ledger));
			if (Boolean.parseBoolean(System.getProperty("trellis.bench.old-rebuild", "true"))) {
				line(out, "full rebuild of the counts, V111 (before)", rolledBack(connection, statement, oldRebuild(),
						"SELECT pg_temp.forecast_counts_rebuild_v111()"));
			}
			if (Boolean.parseBoolean(System.getProperty("trellis.bench.v137", "true"))) {
				line(out, "full rebuild of the counts, V137 (before, writes the whole ledger)",
						rolledBack(connection, statement, resource("/bench/forecast-counts-rebuild-v137.sql"),
								"SELECT pg_temp.forecast_counts_rebuild_v137()"));
			}
			for (int i = 0; i < Integer.getInteger("trellis.bench.rebuild-runs", 1); i++) {
				rebuilt(out, "full rebuild of the counts, V193-V195, ledger as kept (after)", floors, readFloor);
			}
			rebuilt(out, "  the same, 1,000 won deals' ledger rows deleted first", floors, readFloor,
					"DELETE FROM forecast_deal_stage WHERE opportunity_id IN "
							+ "(SELECT id FROM opportunity WHERE stage = 'CLOSED_WON' ORDER BY id LIMIT 1000)");
			rebuilt(out, "  the same, the whole ledger emptied first (bulk reload)", floors, readFloor,
					"TRUNCATE forecast_deal_stage");
			if (Boolean.getBoolean("trellis.bench.compare")) {
				out.append(compare(connection, statement));
			}
			out.append(String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage()));
			if (Boolean.parseBoolean(System.getProperty("trellis.bench.explain-rebuild", "true"))) {
				out.append(explained(connection, statement));
			}
		}
		System.out.println(out);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-forecast-rebuild.txt"), out);
		assertThat(out).contains("V193-V195, ledger as kept (after)");
	}

	private static String shape(Statement statement) throws SQLException {
		var out = new StringBuilder();
		for (var count : List.of("SELECT count(*) FROM opportunity",
				"SELECT count(*) FROM opportunity WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST')",
				"SELECT count(*) FROM opportunity_stage_change", "SELECT count(*) FROM tier_change",
				"SELECT count(*) FROM forecast_deal_stage", "SELECT count(*) FROM forecast_path_count")) {
			try (var rows = statement.executeQuery(count)) {
				rows.next();
				out.append(String.format(Locale.ROOT, "%-80s %,d%n", count, rows.getLong(1)));
			}
		}
		statement.getConnection().rollback();
		return out.toString();
	}

	/** Runs the statements in one transaction, rolled back; the last one's time. */
	private static double rolledBack(Connection connection, Statement statement, String... sqls) throws SQLException {
		try {
			long started = 0;
			for (var sql : sqls) {
				started = System.nanoTime();
				statement.execute(sql);
			}
			return (System.nanoTime() - started) / 1e6;
		}
		finally {
			connection.rollback();
		}
	}

	/**
	 * Both rebuilds in one transaction: the rows of each counted table the old one wrote
	 * that the new one did not, and the other way round.
	 */
	private static String compare(Connection connection, Statement statement) throws SQLException {
		var out = new StringBuilder();
		try {
			statement.execute(oldRebuild());
			statement.execute("SELECT pg_temp.forecast_counts_rebuild_v111()");
			for (var table : COUNTED) {
				statement.execute("CREATE TEMP TABLE old_" + table + " AS SELECT * FROM " + table);
			}
			statement.execute("SELECT forecast_counts_rebuild()");
			for (var table : COUNTED) {
				try (var rows = statement.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM old_" + table
						+ " EXCEPT ALL SELECT * FROM " + table + ") a), (SELECT count(*) FROM (SELECT * FROM " + table
						+ " EXCEPT ALL SELECT * FROM old_" + table + ") b), (SELECT count(*) FROM " + table + ")")) {
					rows.next();
					out.append(String.format(Locale.ROOT, "%s: %,d rows, %d only before, %d only after%n", table,
							rows.getLong(3), rows.getLong(1), rows.getLong(2)));
				}
			}
		}
		finally {
			connection.rollback();
		}
		return out.toString();
	}

	/** Today's rebuild once more with every nested statement's plan, rolled back. */
	private static String explained(Connection connection, Statement statement) throws SQLException {
		var plans = new ArrayList<String>();
		try {
			statement.execute("LOAD 'auto_explain'");
			for (var setting : List.of("auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on",
					"auto_explain.log_buffers = on", "auto_explain.log_nested_statements = on",
					"auto_explain.log_level = notice", "client_min_messages = notice")) {
				statement.execute("SET LOCAL " + setting);
			}
			statement.clearWarnings();
			statement.execute("SELECT forecast_counts_rebuild()");
			for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
				plans.add(w.getMessage());
			}
		}
		finally {
			connection.rollback();
		}
		var out = new StringBuilder(String.format(Locale.ROOT, "%nplans of V193-V195's statements (auto_explain)%n"));
		plans.forEach(plan -> out.append("\n").append(plan.replaceAll("(?m)^", "    ")).append("\n"));
		return out.toString();
	}

	private static String oldRebuild() {
		return resource("/bench/forecast-counts-rebuild-v111.sql");
	}

	private static String resource(String name) {
		try (var in = ForecastRebuildBenchmark.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void line(StringBuilder out, String what, double millis) {
		var text = String.format(Locale.ROOT, "%-66s %,12.1f ms  load %s%n", what, millis, load1());
		System.out.print(text);
		out.append(text);
	}

	/**
	 * Today's rebuild after the setup statements, with the ledger rows it wrote and its
	 * floors beside it: the read floor plus a COPY of as many ledger rows.
	 */
	private static void rebuilt(StringBuilder out, String what, LedgerWriteFloors floors, double readFloor,
			String... setup) throws SQLException {
		var rebuild = floors.rebuild(setup);
		line(out, what, rebuild.millis());
		double copy = floors.copy(rebuild.inserted());
		var text = String.format(Locale.ROOT,
				"    ledger rows written %,d; floors: read %,.1f ms + COPY of %,d rows %,.1f ms = %,.1f ms"
						+ " (rebuild %.1f× that; target 5,000 ms)  load %s%n",
				rebuild.inserted(), readFloor, rebuild.inserted(), copy, readFloor + copy,
				rebuild.millis() / (readFloor + copy), load1());
		System.out.print(text);
		out.append(text);
	}

	private static String load1() {
		var all = loadAverage();
		int space = all.indexOf(' ');
		return space < 0 ? all : all.substring(0, space);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
