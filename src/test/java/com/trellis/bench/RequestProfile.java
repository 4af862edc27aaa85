package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where one request's time goes, for the reporting benchmark: runs a request a few times
 * one at a time (nothing else measured alongside), each statement the application sends
 * counted by its SQL ({@link StatementCounter}) and, with
 * {@code log_min_duration_statement = 0} set for the run (and reset after), timed by
 * PostgreSQL in the server log ({@code <data folder>.log}: the parse, bind and execute
 * durations of each statement, summed by the statement's start). Prints the requests'
 * wall time, the statements per request and, per statement, how many and how long.
 */
final class RequestProfile {

	private static final Pattern DURATION = Pattern
		.compile("duration: ([0-9.]+) ms\\s+(?:parse|bind|execute|statement)[^:]*:\\s*(.*)$");

	private RequestProfile() {
	}

	/**
	 * Runs {@code request} {@code times} times and returns the profile as text.
	 * @param serverLog the embedded server's log, or null to leave the statements untimed
	 */
	static String of(String title, int times, Runnable request, JdbcClient jdbc, Path serverLog) throws Exception {
		long logStart = serverLog != null && Files.exists(serverLog) ? Files.size(serverLog) : 0;
		if (serverLog != null) {
			setting(jdbc, "ALTER SYSTEM SET log_min_duration_statement = 0");
		}
		var before = StatementCounter.bySql();
		long statements = StatementCounter.count();
		var walls = new ArrayList<Long>();
		try {
			for (int i = 0; i < times; i++) {
				long started = System.nanoTime();
				request.run();
				walls.add(System.nanoTime() - started);
			}
		}
		finally {
			if (serverLog != null) {
				setting(jdbc, "ALTER SYSTEM RESET log_min_duration_statement");
			}
		}
		long sent = StatementCounter.count() - statements;
		var counts = new HashMap<String, Long>();
		StatementCounter.bySql().forEach((sql, n) -> {
			long more = n - before.getOrDefault(sql, 0L);
			if (more > 0) {
				counts.put(sql, more);
			}
		});
		var millis = new HashMap<String, Double>();
		if (serverLog != null) {
			timed(serverLog, logStart,
					(match) -> millis.merge(key(match[1]), Double.parseDouble(match[0]), Double::sum));
		}
		var out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%nProfile: %s, %d requests one at a time: wall ms %s; %.1f statements each", title, times,
				walls.stream().map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6)).toList(), sent / (double) times));
		double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
		out.append(String.format(Locale.ROOT, "; server time %.1f ms each%n", total / times));
		var keys = new java.util.TreeSet<String>(counts.keySet());
		keys.addAll(millis.keySet());
		var sorted = new ArrayList<>(keys);
		sorted.sort((a, b) -> Double.compare(millis.getOrDefault(b, 0.0), millis.getOrDefault(a, 0.0)));
		for (var sql : sorted) {
			out.append(String.format(Locale.ROOT, "  %6.1f sent %9.2f ms  %s%n",
					counts.getOrDefault(sql, 0L) / (double) times, millis.getOrDefault(sql, 0.0) / times, sql));
		}
		return out.toString();
	}

	/** Runs an {@code ALTER SYSTEM} and has every backend of the server read it. */
	static void setting(JdbcClient jdbc, String sql) {
		jdbc.sql(sql).update();
		jdbc.sql("SELECT pg_reload_conf()").query().singleRow();
		try {
			// the postmaster signals every backend; give them the moment to read it
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String key(String sql) {
		// the server shows JDBC's placeholders as $1, $2, …
		var text = sql.strip().replaceAll("\\$\\d+", "?").replaceAll("\\s+", " ");
		return text.length() > StatementCounter.SQL_SHOWN ? text.substring(0, StatementCounter.SQL_SHOWN) : text;
	}

	private static void timed(Path serverLog, long from, Consumer<String[]> each) throws java.io.IOException {
		try (var file = new java.io.RandomAccessFile(serverLog.toFile(), "r")) {
			file.seek(from);
			var bytes = new byte[(int) (file.length() - from)];
			file.readFully(bytes);
			var text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
			// a statement's SQL continues on the lines after the duration line, up to the
			// next line with a time stamp
			List<String> entries = new ArrayList<>();
			StringBuilder current = null;
			for (var line : text.split("\n")) {
				if (line.matches("^\\d{4}-\\d\\d-\\d\\d .*")) {
					if (current != null) {
						entries.add(current.toString());
					}
					current = new StringBuilder(line);
				}
				else if (current != null) {
					current.append(' ').append(line);
				}
			}
			if (current != null) {
				entries.add(current.toString());
			}
			for (var entry : entries) {
				var m = DURATION.matcher(entry);
				if (m.find() && !m.group(2).contains("log_min_duration_statement")
						&& !m.group(2).contains("pg_reload_conf")) {
					each.accept(new String[] { m.group(1), m.group(2) });
				}
			}
		}
	}

}
