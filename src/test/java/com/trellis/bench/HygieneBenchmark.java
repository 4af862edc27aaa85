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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * -Dtest=HygieneBenchmark}): the hygiene report on the dataset of
 * {@code -Dtrellis.bench.size} (see {@link BenchSettings}). The hygiene job (duplicate
 * accounts, overlapping registrations) runs every {@value #JOB_REFRESH} here. In order:
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the overlapping registrations' count as requests
 * made it before V97 (key by key, V93; cut off at
 * {@code -Dtrellis.bench.hygiene-before-timeout}, default 120 s; with
 * {@code -Dtrellis.bench.hygiene-any-key=true} also joined on any key, before V93) and of
 * the job's count (V97); {@code GET /api/v1/hygiene} while the job makes its first run;
 * how long a queued recomputation takes; the plan of the stored count a request reads;
 * then for the admin, the PAM with the most partners and the sales manager with the most
 * direct reports {@code GET /api/v1/hygiene} and each check's first records page (bearer
 * token), and the pages {@code /hygiene} and {@code /hygiene/SLIPPED_CLOSE_DATES} in a
 * session signed in through the sign-in form ({@link PageTour#signIn}; any answer but
 * 200, such as a redirect to the sign-in page, stops the benchmark), each
 * {@code -Dtrellis.bench.hygiene-requests} times (default 20), p50 and p95. With
 * {@code -Dtrellis.bench.hygiene-candidates=true} also the duplicate candidate query
 * before and after V82 (minutes each). Next to one sequential scan of the accounts (the
 * floor) and the load average. Writes {@code target/benchmark-hygiene.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HygieneBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	private static final int BEFORE_TIMEOUT = Integer.getInteger("trellis.bench.hygiene-before-timeout", 120);

	private static final int REQUESTS = Integer.getInteger("trellis.bench.hygiene-requests", 20);

	/** How often the hygiene job runs here. */
	static final String JOB_REFRESH = "5s";

	private static final String OPEN = "IN ('PENDING', 'NEEDS_INFO', 'APPROVED')";

	/**
	 * The overlapping registrations' count of {@code hygiene.HygieneRepository} (V93).
	 */
	private static final String OVERLAP_BY_KEY = """
			WITH pairs AS (
			    SELECT r.id, other.id AS other_id FROM deal_registration r JOIN deal_registration other
			         ON other.account_id = r.account_id AND other.partner_id <> r.partner_id AND other.status %1$s
			    WHERE r.status %1$s
			    UNION
			    SELECT r.id, other.id FROM deal_registration r JOIN deal_registration other
			         ON other.registrable_domain = r.registrable_domain AND other.partner_id <> r.partner_id
			            AND other.status %1$s
			    WHERE r.status %1$s
			    UNION
			    SELECT r.id, other.id FROM deal_registration r JOIN deal_registration other
			         ON other.normalized_name = r.normalized_name AND other.partner_id <> r.partner_id
			            AND other.status %1$s
			    WHERE r.status %1$s
			)
			SELECT count(*) FROM pairs
			""".formatted(OPEN);

	/** The checks' record lists. */
	private static final String[] CHECKS = { "MISSING_FIELDS", "STALE_DEALS", "SLIPPED_CLOSE_DATES",
			"ACCOUNTS_WITHOUT_DOMAIN", "DUPLICATE_ACCOUNTS", "OWNER_NOT_ACCOUNT_OWNER", "OVERLAPPING_REGISTRATIONS",
			"DEACTIVATED_OWNERS" };

	private static final String KEY_OTHERS = "CASE WHEN %1$s THEN 0 ELSE count(*) OVER (PARTITION BY %2$s) "
			+ "- count(*) OVER (PARTITION BY %2$s, partner_id) END";

	/** The job's count of {@code hygiene.OverlapStore} (V97), as a SELECT. */
	private static final String OVERLAP_COUNTED = """
			SELECT count(*) FROM (
			    SELECT id, partner_id, %s AS a, %s AS d, %s AS n, %s AS ad, %s AS an, %s AS dn, %s AS adn
			    FROM deal_registration WHERE status %s
			) counted WHERE a + d + n > 0
			""".formatted(KEY_OTHERS.formatted("account_id IS NULL", "account_id"),
			KEY_OTHERS.formatted("registrable_domain IS NULL", "registrable_domain"),
			KEY_OTHERS.formatted("normalized_name IS NULL", "normalized_name"),
			KEY_OTHERS.formatted("account_id IS NULL OR registrable_domain IS NULL", "account_id, registrable_domain"),
			KEY_OTHERS.formatted("account_id IS NULL OR normalized_name IS NULL", "account_id, normalized_name"),
			KEY_OTHERS.formatted("registrable_domain IS NULL OR normalized_name IS NULL",
					"registrable_domain, normalized_name"),
			KEY_OTHERS.formatted("account_id IS NULL OR registrable_domain IS NULL OR normalized_name IS NULL",
					"account_id, registrable_domain, normalized_name"),
			OPEN);

	/** The stored overlaps' count of {@code hygiene.OverlapStore}, program scope. */
	private static final String STORED_COUNT = """
			SELECT count(*) FROM hygiene_overlap h
			JOIN deal_registration r ON r.id = h.registration_id AND r.status %s
			WHERE (CAST(NULL AS BIGINT) IS NULL OR h.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = NULL))
			""".formatted(OPEN);

	/** The same count as it was before V93: one join on any of the keys. */
	private static final String OVERLAP_ANY_KEY = """
			SELECT count(*) FROM deal_registration r
			JOIN deal_registration other ON other.id <> r.id AND other.partner_id <> r.partner_id
			     AND other.status %1$s
			     AND (other.account_id = r.account_id OR other.registrable_domain = r.registrable_domain
			          OR other.normalized_name = r.normalized_name)
			WHERE r.status %1$s
			""".formatted(OPEN);

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
		settings.registerDemoDatabase(registry, JOB_REFRESH);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.scoring.daily-cron", () -> "-");
		registry.add("trellis.tiers.daily-cron", () -> "-");
		registry.add("trellis.cohorts.daily-cron", () -> "-");
		// the week's digest for every person at start (minutes at the large size) is not
		// measured here
		registry.add("trellis.guidance.digest-cron", () -> "-");
		registry.add("trellis.guidance.daily-cron", () -> "-");
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
	void hygieneReportAgainstAScan() throws Exception {
		long begun = System.nanoTime();
		long accounts = this.jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
		long registrations = this.jdbc.sql("SELECT count(*) FROM deal_registration").query(Long.class).single();
		long scanStart = System.nanoTime();
		this.jdbc.sql("SELECT count(*) FROM account WHERE length(name) + length(coalesce(normalized_name, '')) >= 0")
			.query(Long.class)
			.single();
		double scan = (System.nanoTime() - scanStart) / 1e9;
		var out = new StringBuilder(String.format(Locale.ROOT,
				"Hygiene report, %,d accounts, %,d registrations; floor (one sequential scan of the accounts): "
						+ "%.3f s; load %s%n",
				accounts, registrations, scan, load()));
		long admin = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		long pam = this.jdbc.sql(
				"SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
			.query(Long.class)
			.single();
		String adminToken = this.tokens.issue(admin, "hygiene benchmark");
		String pamToken = this.tokens.issue(pam, "hygiene benchmark");
		out.append("\nBEFORE: overlapping registrations' count per request, key by key (V93):\n")
			.append(plan(OVERLAP_BY_KEY, null));
		if (Boolean.getBoolean("trellis.bench.hygiene-any-key")) {
			out.append("\nOverlapping registrations' count, joined on any key (before V93):\n")
				.append(plan(OVERLAP_ANY_KEY, null));
		}
		out.append("\nAFTER: the job's overlap count (V97), as it runs (SELECT of its INSERT):\n")
			.append(plan(OVERLAP_COUNTED, null));
		System.out.println(out);
		out.append("\nGET /api/v1/hygiene (admin) while the job makes its first run:\n");
		while (computedAt("hygiene_duplicate_state") == null || computedAt("hygiene_overlap_state") == null) {
			out.append("  ").append(summary(adminToken)).append('\n');
			if (System.nanoTime() - begun > Duration.ofMinutes(30).toNanos()) {
				throw new IllegalStateException("the job stored nothing within 30 minutes");
			}
			Thread.sleep(5_000);
		}
		out.append(String.format(Locale.ROOT,
				"the job stored %,d accounts with a duplicate and %,d overlapping registrations; seen stored %.0f s "
						+ "after the test began; load %s%n",
				count("hygiene_duplicate"), count("hygiene_overlap"), (System.nanoTime() - begun) / 1e9, load()));
		long queued = System.nanoTime();
		send("POST", "/api/v1/hygiene/OVERLAPPING_REGISTRATIONS/recompute", adminToken);
		while (count("hygiene_duplicate_request") > 0) {
			Thread.sleep(500);
		}
		out.append(String.format(Locale.ROOT,
				"a queued recomputation (duplicates and overlaps) made in %.1f s (schedule every %s); load %s%n",
				(System.nanoTime() - queued) / 1e9, JOB_REFRESH, load()));
		out.append("\nAFTER: the stored overlaps' count per request (admin):\n").append(plan(STORED_COUNT, null));
		var viewers = new ArrayList<long[]>(List.of(new long[] { admin }, new long[] { pam }));
		this.jdbc.sql("""
				SELECT u.manager_id FROM app_user u JOIN app_user m ON m.id = u.manager_id
				WHERE m.role = 'SALES_MANAGER' AND m.enabled GROUP BY 1 ORDER BY count(*) DESC LIMIT 1
				""").query(Long.class).optional().ifPresent(manager -> viewers.add(new long[] { manager }));
		for (var viewer : viewers) {
			long userId = viewer[0];
			var role = this.jdbc.sql("SELECT role || ' ' || id FROM app_user WHERE id = :id")
				.param("id", userId)
				.query(String.class)
				.single();
			String token = userId == admin ? adminToken
					: userId == pam ? pamToken : this.tokens.issue(userId, "hygiene benchmark");
			// the API with a bearer token; the page in a signed-in session, as a browser
			var session = PageTour.signIn(this.port, email(userId));
			out.append("\n").append(role).append(", ").append(REQUESTS).append(" requests each:\n");
			out.append(times("/api/v1/hygiene", () -> send("GET", "/api/v1/hygiene", token)));
			for (String check : CHECKS) {
				out.append(times("/api/v1/hygiene/" + check, () -> send("GET", "/api/v1/hygiene/" + check, token)));
			}
			out.append(times("/hygiene (page, session)", () -> page(session, "/hygiene")));
			out.append(times("/hygiene/SLIPPED_CLOSE_DATES (page, session)",
					() -> page(session, "/hygiene/SLIPPED_CLOSE_DATES")));
		}
		if (Boolean.getBoolean("trellis.bench.hygiene-candidates")) {
			out.append("\nDuplicate candidates, BEFORE (single-column indexes on the keys, as up to V77):\n")
				.append(plan(CANDIDATES, """
						DROP INDEX account_registrable_domain_id_idx, account_name_head_key_id_idx,
						           account_name_tail_key_id_idx;
						CREATE INDEX account_registrable_domain_idx ON account (registrable_domain);
						CREATE INDEX account_name_head_key_idx ON account (name_head_key);
						CREATE INDEX account_name_tail_key_idx ON account (name_tail_key);
						ANALYZE account;
						"""));
			out.append("\nDuplicate candidates, AFTER (V82: indexes on (key, id)):\n").append(plan(CANDIDATES, null));
		}
		System.out.println(out);
		Files.writeString(Path.of("target", "benchmark-hygiene.txt"), out);
	}

	/**
	 * p50 and p95 of {@link #REQUESTS} sequential requests of one path, with the floor.
	 */
	private String times(String path, Call call) throws Exception {
		var seconds = new ArrayList<Double>();
		for (int i = 0; i < REQUESTS; i++) {
			long start = System.nanoTime();
			int status = call.send().statusCode();
			seconds.add((System.nanoTime() - start) / 1e9);
			if (status != 200) {
				// a redirect to the sign-in page or an error is not the page's time
				throw new IllegalStateException(path + " answered " + status);
			}
		}
		Collections.sort(seconds);
		return String.format(Locale.ROOT, "  %-50s HTTP 200  p50 %.3f s  p95 %.3f s  max %.3f s; load %s%n", path,
				seconds.get(seconds.size() / 2), seconds.get((int) Math.ceil(seconds.size() * 0.95) - 1),
				seconds.get(seconds.size() - 1), load());
	}

	private HttpResponse<String> page(HttpClient session, String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofMinutes(15))
			.GET()
			.build();
		return session.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String email(long userId) {
		return this.jdbc.sql("SELECT email FROM app_user WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	/** One request. */
	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send() throws Exception;

	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(15))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private String summary(String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/hygiene"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(15))
			.GET()
			.build();
		long start = System.nanoTime();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - start) / 1e9;
		var body = response.body();
		int at = body.indexOf("DUPLICATE_ACCOUNTS");
		return String.format(Locale.ROOT, "HTTP %d in %.3f s (%s); load %s", response.statusCode(), seconds,
				at < 0 ? body.substring(0, Math.min(200, body.length()))
						: body.substring(at, Math.min(body.length(), body.indexOf('}', at) + 1)),
				load());
	}

	private java.time.Instant computedAt(String table) {
		return this.jdbc.sql("SELECT computed_at FROM " + table + " WHERE id = 1")
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

	private String plan(String query, String setUp) throws SQLException {
		var plan = new StringBuilder();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				if (setUp != null) {
					statement.execute(setUp);
				}
				statement.execute("SET LOCAL statement_timeout = '" + BEFORE_TIMEOUT + "s'");
				statement.setQueryTimeout(0);
				long start = System.nanoTime();
				try (var rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
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
