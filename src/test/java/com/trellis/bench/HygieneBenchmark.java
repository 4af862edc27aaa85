package com.trellis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import com.trellis.identity.ApiTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify
 * -Dtest=HygieneBenchmark}): the program-wide duplicate-account search of the hygiene
 * report on the dataset of {@code -Dtrellis.bench.size} (see {@link BenchSettings}),
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of its candidate query with the indexes of V82 (on
 * key and id) and, in a transaction rolled back, with the single-column indexes it
 * replaced (cut off at {@code -Dtrellis.bench.hygiene-before-timeout}, default 600 s);
 * then the hygiene summary ({@code GET /api/v1/hygiene}, which recomputes the stored
 * duplicates) timed once. Next to one sequential scan of the accounts (the floor). Writes
 * {@code target/benchmark-hygiene.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HygieneBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	private static final int BEFORE_TIMEOUT = Integer.getInteger("trellis.bench.hygiene-before-timeout", 600);

	/** The candidate query of {@code hygiene.HygieneRepository}, program scope. */
	private static final String CANDIDATES = """
			WITH scoped AS (
			    SELECT a.id, a.name, a.registrable_domain, a.normalized_name, a.country, a.name_head_key, a.name_tail_key
			    FROM account a WHERE (CAST(NULL AS BIGINT) IS NULL OR a.id IN (SELECT account_id FROM opportunity
			        WHERE partner_id IN (SELECT id FROM partner WHERE owner_pam_id = NULL)))
			), pairs AS (
			    SELECT s.id, d.id AS b_id FROM scoped s CROSS JOIN LATERAL (
			        SELECT b.id FROM account b WHERE b.registrable_domain = s.registrable_domain AND b.id <> s.id
			        ORDER BY b.id LIMIT 20) d
			    UNION
			    SELECT s.id, h.id FROM scoped s CROSS JOIN LATERAL (
			        SELECT b.id FROM account b WHERE b.name_head_key = s.name_head_key AND b.id <> s.id
			        ORDER BY b.id LIMIT 20) h
			    UNION
			    SELECT s.id, t.id FROM scoped s CROSS JOIN LATERAL (
			        SELECT b.id FROM account b WHERE b.name_tail_key = s.name_tail_key AND b.id <> s.id
			        ORDER BY b.id LIMIT 20) t
			)
			SELECT s.id, s.name, s.registrable_domain, s.normalized_name, s.country,
			       b.id AS b_id, b.name AS b_name, b.registrable_domain AS b_domain, b.normalized_name AS b_normalized,
			       b.country AS b_country
			FROM pairs JOIN scoped s ON s.id = pairs.id JOIN account b ON b.id = pairs.b_id
			ORDER BY s.id, b.id
			""";

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.scoring.daily-cron", () -> "-");
		registry.add("trellis.tiers.daily-cron", () -> "-");
		registry.add("trellis.cohorts.daily-cron", () -> "-");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiTokens tokens;

	@Test
	void duplicateSearchAgainstAScan() throws Exception {
		long accounts = this.jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
		long scanStart = System.nanoTime();
		this.jdbc.sql("SELECT count(*) FROM account WHERE length(name) + length(coalesce(normalized_name, '')) >= 0")
			.query(Long.class)
			.single();
		double scan = (System.nanoTime() - scanStart) / 1e9;
		var out = new StringBuilder(String.format(Locale.ROOT,
				"Hygiene duplicate search, program scope, %,d accounts; floor (one sequential scan): %.2f s; load %s%n",
				accounts, scan, load()));
		out.append("\nBEFORE (single-column indexes on the keys, as up to V77):\n").append(explain(true));
		out.append("\nAFTER (V82: indexes on (key, id)):\n").append(explain(false));
		long admin = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/hygiene"))
			.header("Authorization", "Bearer " + this.tokens.issue(admin, "hygiene benchmark"))
			.timeout(Duration.ofMinutes(15))
			.GET()
			.build();
		long start = System.nanoTime();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		long stored = this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate").query(Long.class).single();
		out.append(String.format(Locale.ROOT,
				"%nGET /api/v1/hygiene (recomputes the stored duplicates): HTTP %d in %.1f s, %,d accounts with a "
						+ "duplicate stored; load %s%n",
				response.statusCode(), seconds, stored, load()));
		System.out.println(out);
		Files.writeString(Path.of("target", "benchmark-hygiene.txt"), out);
	}

	private String explain(boolean before) throws SQLException {
		var plan = new StringBuilder();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				if (before) {
					statement.execute("""
							DROP INDEX account_registrable_domain_id_idx, account_name_head_key_id_idx,
							           account_name_tail_key_id_idx;
							CREATE INDEX account_registrable_domain_idx ON account (registrable_domain);
							CREATE INDEX account_name_head_key_idx ON account (name_head_key);
							CREATE INDEX account_name_tail_key_idx ON account (name_tail_key);
							ANALYZE account;
							""");
				}
				statement.execute("SET LOCAL statement_timeout = '" + BEFORE_TIMEOUT + "s'");
				statement.setQueryTimeout(0);
				long start = System.nanoTime();
				try (var rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + CANDIDATES)) {
					while (rs.next()) {
						plan.append("  ").append(rs.getString(1)).append('\n');
					}
				}
				catch (SQLException ex) {
					plan.append(String.format(Locale.ROOT, "  cancelled after %.0f s: %s%n",
							(System.nanoTime() - start) / 1e9, ex.getMessage()));
				}
				plan.append("  load ").append(load()).append('\n');
			}
			finally {
				connection.rollback();
			}
		}
		return plan.toString();
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
