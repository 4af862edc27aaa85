package com.trellis.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.trellis.bench.RegistrationMix.KnownCustomer;
import com.trellis.bench.RegistrationMix.Request;
import com.trellis.identity.ApiTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify}):
 * conflict-checked deal registrations per second through the REST API with concurrent
 * partner clients, next to the single-row insert rate of the same PostgreSQL in the same
 * run, plus the latency of two list endpoints.
 *
 * <p>
 * Starts the whole application on a persistent embedded PostgreSQL in its own folder
 * ({@code data/bench} for the large demo; the first run loads it, later runs reuse it).
 * The registrations a run creates are deleted at the end (audit entries stay: that table
 * is append-only) unless {@code -Dtrellis.bench.keep=true}. See {@link BenchSettings} for
 * the knobs. Prints a table and writes it to {@code target/benchmark-registration.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

	private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

	private static final String RAW_TABLE = "bench_raw_insert";

	/**
	 * The tables the clean-up deletes from that a registration reads, vacuumed after it.
	 */
	private static final List<String> CLEANED = List.of("deal_registration", "registration_name",
			"registration_history", "registration_conflict", "notification");

	/** The conflict check's trigram threshold ({@code CustomerLocks.WORD_SIMILARITY}). */
	private static final String CONFLICT_WORD_SIMILARITY = "0.15";

	private static final List<String> OUTCOMES = List.of("PENDING", "ON_HOLD", "REJECTED");

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
	}

	/** Counts the statements the application sends ({@link StatementCounter}). */
	@TestConfiguration
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiTokens tokens;

	/** Registrations per round while the JIT settles. */
	static final int SETTLE_ROUND = 2_000;

	private final Instant started = Instant.now();

	private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

	@Test
	void registrationsThroughTheApiAgainstRawInserts() throws Exception {
		var random = new Random(settings.seed());
		var dataset = dataset();
		long registrationsBefore = max("deal_registration");
		long notificationsBefore = max("notification");
		long unfinishedEventsBefore = unfinishedEvents();
		try {
			var clients = clients(random);
			var admin = adminToken();
			var raw = rawInserts();
			var mix = new RegistrationMix(this.runId, knownCustomers(random), settings.collisionShare(),
					LocalDate.now(ZoneOffset.UTC));
			var warmup = registrations(clients, mix, settings.warmup(), random);
			var settling = settle(clients, mix, random);
			var measured = instrumented(clients, mix, settings.registrations(), random);
			var lists = lists(admin, busiestPartnerToken(clients.get(0).http()));
			var report = report(dataset, clients, raw, warmup, measured.phase(), lists)
					+ settling.report(measured.jit()) + measured.profile() + explain();
			System.out.println(report);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "benchmark-registration.txt"), report);
			assertThat(warmup.failures()).as("non-201 responses in the warm-up").isEmpty();
			assertThat(settling.failures()).as("non-201 responses while the JIT settled").isEmpty();
			assertThat(measured.phase().failures()).as("non-201 responses in the measured phase").isEmpty();
		}
		finally {
			cleanUp(registrationsBefore, notificationsBefore, unfinishedEventsBefore);
		}
	}

	// --- setup

	private Map<String, Long> dataset() {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : List.of("partner", "account", "opportunity", "activity_event", "deal_registration")) {
			counts.put(table, this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		// rows deleted and not yet vacuumed where a registration searches: earlier runs'
		// clean-ups left them before it vacuumed (112,000 in deal_registration and 25,000
		// in registration_name's 1,800 live rows cost PostgreSQL 6.6-6.9 ms of CPU a
		// registration against 5.8 after a vacuum)
		for (var table : CLEANED) {
			counts.put(table + " (dead rows)",
					this.jdbc.sql("SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables WHERE relname = :table")
						.param("table", table)
						.query(Long.class)
						.single());
		}
		return counts;
	}

	private List<Client> clients(Random random) {
		var candidates = new ArrayList<>(this.jdbc.sql("""
				SELECT DISTINCT ON (u.partner_id) u.id, u.partner_id
				FROM app_user u JOIN partner p ON p.id = u.partner_id
				WHERE u.role = 'PARTNER' AND u.enabled AND p.lifecycle_status IN ('ACTIVE', 'ONBOARDING')
				ORDER BY u.partner_id, u.id
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list());
		if (candidates.size() < settings.clients()) {
			throw new IllegalStateException("Only " + candidates.size() + " active or onboarding partners with a user; "
					+ settings.clients() + " clients asked for");
		}
		Collections.shuffle(candidates, random);
		// the mix depends on this count: the shuffle draws from the run's one random
		// sequence
		System.out.printf("Benchmark clients: %d active or onboarding partners with a user, the first %d: %s%n",
				candidates.size(), settings.clients(),
				candidates.stream().limit(settings.clients()).map(c -> Long.toString(c[1])).toList());
		var clients = new ArrayList<Client>();
		for (int i = 0; i < settings.clients(); i++) {
			long userId = candidates.get(i)[0];
			long partnerId = candidates.get(i)[1];
			clients.add(new Client(i, partnerId, this.tokens.issue(userId, tokenName()),
					HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(Duration.ofSeconds(10))
						.build()));
		}
		return clients;
	}

	private String adminToken() {
		long admin = this.jdbc.sql("SELECT min(id) FROM app_user WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
		return this.tokens.issue(admin, tokenName());
	}

	private List<KnownCustomer> knownCustomers(Random random) {
		return this.jdbc.sql("""
				SELECT name, registrable_domain FROM account ORDER BY md5(id::text || :salt) LIMIT 5000
				""")
			.param("salt", Long.toString(random.nextLong()))
			.query((rs, n) -> new KnownCustomer(rs.getString(1), rs.getString(2)))
			.list();
	}

	private String tokenName() {
		return "benchmark " + this.runId;
	}

	// --- the raw insert rate

	private Samples rawInserts() throws Exception {
		this.jdbc.sql("DROP TABLE IF EXISTS " + RAW_TABLE).update();
		this.jdbc.sql("""
				CREATE TABLE %s (
				    id                  BIGSERIAL PRIMARY KEY,
				    partner_id          BIGINT         NOT NULL,
				    registered_by       BIGINT         NOT NULL,
				    customer_name       TEXT           NOT NULL,
				    customer_domain     TEXT,
				    registrable_domain  TEXT,
				    normalized_name     TEXT,
				    customer_need       TEXT           NOT NULL,
				    amount              NUMERIC(19, 2) NOT NULL,
				    currency            CHAR(3)        NOT NULL,
				    expected_close_date DATE           NOT NULL,
				    credit_type         TEXT           NOT NULL,
				    partner_share       NUMERIC(5, 2)  NOT NULL,
				    status              TEXT           NOT NULL,
				    submitted_at        TIMESTAMPTZ    NOT NULL
				)
				""".formatted(RAW_TABLE)).update();
		int threads = settings.clients();
		runInserts(threads, split(settings.warmup(), threads));
		return runInserts(threads, split(settings.registrations(), threads));
	}

	private Samples runInserts(int threads, int[] counts) throws Exception {
		var start = new CountDownLatch(1);
		var tasks = new ArrayList<Callable<long[]>>();
		var sequence = new AtomicLong();
		for (int t = 0; t < threads; t++) {
			int count = counts[t];
			tasks.add(() -> {
				long[] latencies = new long[count];
				try (Connection connection = this.dataSource.getConnection()) {
					connection.setAutoCommit(true);
					try (var insert = connection.prepareStatement("INSERT INTO " + RAW_TABLE
							+ " (partner_id, registered_by, customer_name, customer_domain, registrable_domain,"
							+ " normalized_name, customer_need, amount, currency, expected_close_date, credit_type,"
							+ " partner_share, status, submitted_at)"
							+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
						start.await();
						for (int i = 0; i < count; i++) {
							long n = sequence.incrementAndGet();
							insert.setLong(1, 1 + n % 300);
							insert.setLong(2, 1 + n % 1000);
							insert.setString(3, "Raw Customer " + this.runId + " " + n + " Ltd");
							insert.setString(4, "raw-" + this.runId + "-" + n + ".com");
							insert.setString(5, "raw-" + this.runId + "-" + n + ".com");
							insert.setString(6, "raw customer " + this.runId + " " + n);
							insert.setString(7, "Replace the legacy CRM across three regional sales teams.");
							insert.setBigDecimal(8, BigDecimal.valueOf(125_000_00L + n, 2));
							insert.setString(9, "USD");
							insert.setDate(10, Date.valueOf(LocalDate.now(ZoneOffset.UTC).plusDays(90)));
							insert.setString(11, "SOURCED");
							insert.setBigDecimal(12, BigDecimal.valueOf(2000, 2));
							insert.setString(13, "PENDING");
							insert.setTimestamp(14, Timestamp.from(Instant.now()));
							long began = System.nanoTime();
							insert.executeUpdate();
							latencies[i] = System.nanoTime() - began;
						}
					}
				}
				return latencies;
			});
		}
		return timed(tasks, start);
	}

	// --- registrations through the API

	private Phase registrations(List<Client> clients, RegistrationMix mix, int total, Random random) throws Exception {
		int[] counts = split(total, clients.size());
		var outcomes = new ConcurrentHashMap<String, AtomicLong>();
		var failures = Collections.synchronizedList(new ArrayList<String>());
		var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
		var start = new CountDownLatch(1);
		var tasks = new ArrayList<Callable<long[]>>();
		var uri = URI.create("http://127.0.0.1:" + this.port + "/api/v1/registrations");
		for (var client : clients) {
			var requests = mix.requests(client.index(), counts[client.index()],
					new Random(random.nextLong() ^ client.index()));
			tasks.add(() -> {
				long[] latencies = new long[requests.size()];
				start.await();
				for (int i = 0; i < requests.size(); i++) {
					Request request = requests.get(i);
					var http = HttpRequest.newBuilder(uri)
						.timeout(REQUEST_TIMEOUT)
						.header("Authorization", "Bearer " + client.token())
						.header("Content-Type", "application/json")
						.header("Accept", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(request.json()))
						.build();
					long began = System.nanoTime();
					var response = client.http().send(http, HttpResponse.BodyHandlers.ofString());
					latencies[i] = System.nanoTime() - began;
					statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
					if (response.statusCode() == 201) {
						var status = STATUS.matcher(response.body());
						var outcome = status.find() ? status.group(1) : "?";
						outcomes
							.computeIfAbsent((request.collides() ? "colliding " : "new ") + outcome,
									k -> new AtomicLong())
							.incrementAndGet();
					}
					else {
						failures.add(response.statusCode() + " " + abbreviated(response.body()) + " for "
								+ abbreviated(request.json()));
					}
				}
				return latencies;
			});
		}
		var samples = total == 0 ? new Samples(new long[0], 0) : timed(tasks, start);
		return new Phase(samples, counts(outcomes), counts(statuses), List.copyOf(failures));
	}

	/**
	 * After the fixed warm-up, more registrations in rounds of {@value #SETTLE_ROUND}
	 * until the JIT's compile time in a round is under {@value JitShare#SETTLED} of the
	 * round's wall time, or {@code trellis.bench.settle-max} more have been sent: a
	 * server at a quarter's end has long finished compiling its registration path, and a
	 * measured phase that overlaps the server compiler's wave measures the compiler.
	 */
	private Settling settle(List<Client> clients, RegistrationMix mix, Random random) throws Exception {
		var shares = new ArrayList<Double>();
		var failures = new ArrayList<String>();
		int sent = 0;
		while (sent < settings.settleMax()) {
			var round = instrumented(clients, mix, SETTLE_ROUND, random);
			sent += SETTLE_ROUND;
			failures.addAll(round.phase().failures());
			double share = round.jit();
			shares.add(share);
			if (share < JitShare.SETTLED) {
				break;
			}
		}
		return new Settling(sent, shares, failures);
	}

	/**
	 * Registrations sent with every instrument of the measured phase running: the wait
	 * sampler, the statement counts and times, the tables' and processes' statistics. The
	 * settling rounds run them too, so that the measured phase brings no code the JIT has
	 * not seen yet (a first use of the sampler's plain statements or the statistics'
	 * reads made the pool's and the driver's compiled code fall back and compile again,
	 * 68% of the measured phase's wall time in one run).
	 */
	private Instrumented instrumented(List<Client> clients, RegistrationMix mix, int count, Random random)
			throws Exception {
		var jit = new JitShare();
		var before = tableStatistics();
		var statementsBefore = StatementCounter.bySql();
		var times = new StatementTimes(this.dataSource);
		var cpu = new ProcessCpu(settings.dataDir());
		Phase phase;
		double share;
		String waits;
		try (var sampler = new WaitSampler(this.dataSource, 100)) {
			phase = registrations(clients, mix, count, random);
			share = jit.end();
			waits = sampler.report() + "\n" + cpu.report("registration", count) + "\n"
					+ times.report("registration", count, 25);
		}
		Thread.sleep(1_500);
		var profile = profile(before, tableStatistics(), count)
				+ statements(statementsBefore, StatementCounter.bySql(), count) + waits;
		return new Instrumented(phase, share, profile);
	}

	// --- list endpoints

	private List<ListResult> lists(String adminToken, PartnerToken partner) throws Exception {
		var results = new ArrayList<ListResult>();
		for (var path : List.of("/api/v1/partners?lifecycle=ACTIVE", "/api/v1/opportunities?open=true")) {
			results.add(list(partner.http(), path, "admin", adminToken));
			results.add(list(partner.http(), path, "partner user", partner.token()));
		}
		return results;
	}

	/**
	 * A user of the active partner with the most open deals, so the partner user's list
	 * is not empty.
	 */
	private PartnerToken busiestPartnerToken(HttpClient http) {
		long user = this.jdbc.sql("""
				SELECT u.id FROM app_user u
				JOIN partner p ON p.id = u.partner_id AND p.lifecycle_status = 'ACTIVE'
				JOIN (SELECT partner_id, count(*) AS deals FROM opportunity
				      WHERE partner_id IS NOT NULL AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				      GROUP BY partner_id) o ON o.partner_id = u.partner_id
				WHERE u.role = 'PARTNER' AND u.enabled
				ORDER BY o.deals DESC, u.id LIMIT 1
				""").query(Long.class).single();
		return new PartnerToken(this.tokens.issue(user, tokenName()), http);
	}

	private ListResult list(HttpClient http, String path, String viewer, String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build();
		int warmup = Math.max(5, settings.listRequests() / 10);
		long[] latencies = new long[settings.listRequests()];
		long total = -1;
		var failures = new ArrayList<String>();
		long started = System.nanoTime();
		for (int i = -warmup; i < latencies.length; i++) {
			if (i == 0) {
				started = System.nanoTime();
			}
			long began = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long took = System.nanoTime() - began;
			if (i >= 0) {
				latencies[i] = took;
			}
			if (response.statusCode() != 200) {
				failures.add(response.statusCode() + " " + abbreviated(response.body()));
			}
			else if (total < 0) {
				var matcher = TOTAL.matcher(response.body());
				total = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
			}
		}
		return new ListResult(path, viewer, total, new Samples(latencies, System.nanoTime() - started), failures);
	}

	// --- where a registration's database work goes

	/**
	 * Rows inserted, updated and read per table, and transactions, from PostgreSQL's
	 * cumulative statistics (every backend, so the asynchronous listeners count too).
	 */
	private Map<String, long[]> tableStatistics() {
		var stats = new TreeMap<String, long[]>();
		this.jdbc.sql("SELECT pg_stat_clear_snapshot()").query((rs, n) -> 1).list();
		this.jdbc.sql("""
				SELECT relname, n_tup_ins, n_tup_upd + n_tup_del, coalesce(seq_tup_read, 0),
				       coalesce(idx_tup_fetch, 0), coalesce(seq_scan, 0) + coalesce(idx_scan, 0)
				FROM pg_stat_user_tables
				""")
			.query((rs, n) -> stats.put(rs.getString(1),
					new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) }))
			.list();
		this.jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
			.query((rs, n) -> stats.put("(transactions)", new long[] { rs.getLong(1), 0, 0, 0, 0 }))
			.list();
		stats.put("(statements)", new long[] { StatementCounter.count(), 0, 0, 0, 0 });
		return stats;
	}

	private static String profile(Map<String, long[]> before, Map<String, long[]> after, int registrations) {
		var out = new StringBuilder();
		line(out, "");
		line(out, "Database work per registration in the measured phase (pg_stat_user_tables, all backends)");
		for (var counted : List.of("(transactions)", "(statements)")) {
			line(out, "  %s per registration: %.2f", counted.substring(1, counted.length() - 1),
					(after.get(counted)[0] - before.get(counted)[0]) / (double) registrations);
		}
		line(out, "  %-32s %9s %9s %12s %12s %9s", "table", "inserted", "updated", "seq. read", "index fetch", "scans");
		var rows = new ArrayList<Map.Entry<String, double[]>>();
		after.forEach((table, now) -> {
			var then = before.getOrDefault(table, new long[5]);
			var per = new double[5];
			for (int i = 0; i < 5; i++) {
				per[i] = (now[i] - then[i]) / (double) registrations;
			}
			if (per[0] + per[1] + per[2] + per[3] + per[4] >= 0.05) {
				rows.add(Map.entry(table, per));
			}
		});
		rows.sort((a, b) -> Double.compare(b.getValue()[2] + b.getValue()[3] + 10 * (b.getValue()[0] + b.getValue()[1]),
				a.getValue()[2] + a.getValue()[3] + 10 * (a.getValue()[0] + a.getValue()[1])));
		rows.forEach(row -> line(out, "  %-32s %9.2f %9.2f %12.1f %12.1f %9.2f", row.getKey(), row.getValue()[0],
				row.getValue()[1], row.getValue()[2], row.getValue()[3], row.getValue()[4]));
		return out.toString();
	}

	/** The statements sent per registration, by the start of their SQL, most first. */
	private static String statements(Map<String, Long> before, Map<String, Long> after, int registrations) {
		var out = new StringBuilder();
		line(out, "");
		line(out, "Statements per registration in the measured phase, by their SQL's start (every thread)");
		after.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(),
					(e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) registrations))
			.filter(e -> e.getValue() >= 0.01)
			.sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
			.forEach(e -> line(out, "  %6.2f  %s", e.getValue(), e.getKey()));
		line(out, "");
		return out.toString();
	}

	/**
	 * The plans of the conflict check's searches for the last registration of the run:
	 * the names registered by shape and trigram-similar lead and second long word (as
	 * {@code registration_names_like} reads them, through the index), the re-read under
	 * the lock (the domain, those names, and registrations inserted since a mark 50
	 * transactions back), and accounts by domain or of the account names with
	 * trigram-similar lead and second word ({@code account_names_like}, through the
	 * index), all at the conflict check's one threshold.
	 */
	private String explain() {
		var out = new StringBuilder();
		var last = this.jdbc.sql("""
				SELECT coalesce(registrable_domain, ''), name_shape, lead_word, normalized_name FROM deal_registration
				WHERE customer_domain LIKE '%x%.com' ORDER BY id DESC LIMIT 1
				""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.optional();
		if (last.isEmpty()) {
			return "";
		}
		var v = last.get();
		var open = "status IN ('PENDING', 'ON_HOLD', 'NEEDS_INFO', 'APPROVED')";
		var queries = new LinkedHashMap<String, String>();
		var second = this.jdbc.sql("SELECT registration_second_word(:name)")
			.param("name", v[3])
			.query(String.class)
			.optional()
			.orElse(null);
		var mayBe = "(r.registrable_domain = " + literal(v[0]) + " OR r.name_shape = " + literal(v[1])
				+ " AND r.lead_word IS NULL AND CAST(" + literal(v[2]) + " AS TEXT) IS NULL OR r.name_shape = "
				+ literal(v[1]) + " AND r.lead_word % CAST(" + literal(v[2]) + " AS TEXT) AND CAST(" + literal(second)
				+ " AS TEXT) IS NULL OR r.name_shape = " + literal(v[1]) + " AND r.lead_word % CAST(" + literal(v[2])
				+ " AS TEXT) AND registration_second_word(r.normalized_name) % CAST(" + literal(second) + " AS TEXT))";
		var names = "n.name_shape = " + literal(v[1]) + " AND n.lead_word % CAST(" + literal(v[2])
				+ " AS TEXT) AND n.second_word % CAST(" + literal(second) + " AS TEXT)";
		queries.put("the names registered that may be the customer's, before the lock (registration_names_like)",
				"SELECT n.normalized_name FROM registration_name n WHERE " + names);
		queries.put(
				"under the lock: the customer's domain, the names (all, not only those accepted), and those"
						+ " inserted since the mark (now)",
				"SELECT * FROM deal_registration r WHERE r." + open + " AND (r.registrable_domain = " + literal(v[0])
						+ " OR r.name_shape = " + literal(v[1])
						+ " AND r.normalized_name = ANY(ARRAY(SELECT n.normalized_name FROM registration_name n WHERE "
						+ names + ")) OR inserted_xact >= CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT)"
						+ " AS BIGINT) - 50 AND r." + open + " AND " + mayBe + ") ORDER BY submitted_at, id");
		queries.put("accounts by domain or of the account names with similar lead and second word (account_names_like)",
				"(SELECT id FROM account WHERE registrable_domain = " + literal(v[0])
						+ " LIMIT 50) UNION (SELECT a.id FROM account_name n JOIN account a"
						+ " ON a.normalized_name COLLATE \"C\" = n.normalized_name WHERE n.lead_word % " + literal(v[2])
						+ " AND n.second_word % " + literal(second) + " ORDER BY a.normalized_name <-> " + literal(v[3])
						+ ", a.id LIMIT 50)");
		line(out, "");
		line(out, "Plans of the conflict check's searches, for %s (shape '%s', lead word '%s', second word '%s')", v[3],
				v[1], v[2], second);
		try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			for (var query : queries.entrySet()) {
				line(out, "-- %s", query.getKey());
				statement.execute("SET pg_trgm.similarity_threshold = " + CONFLICT_WORD_SIMILARITY);
				statement.execute("SET enable_seqscan = " + (query.getKey().contains("_like)") ? "off" : "on"));
				try (var plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue())) {
					while (plan.next()) {
						line(out, "  %s", plan.getString(1));
					}
				}
			}
			statement.execute("RESET pg_trgm.similarity_threshold");
			statement.execute("RESET enable_seqscan");
		}
		catch (java.sql.SQLException ex) {
			line(out, "  (no plan: %s)", ex.getMessage());
		}
		return out.toString();
	}

	private static String literal(String value) {
		return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
	}

	// --- running phases

	/**
	 * Runs one task per client, all released at once; the phase lasts from the release
	 * until the last client is done.
	 */
	private static Samples timed(List<Callable<long[]>> tasks, CountDownLatch start) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			var futures = new ArrayList<Future<long[]>>();
			for (var task : tasks) {
				futures.add(pool.submit(task));
			}
			Thread.sleep(100);
			long began = System.nanoTime();
			start.countDown();
			var latencies = new ArrayList<long[]>();
			for (var future : futures) {
				latencies.add(future.get(2, TimeUnit.HOURS));
			}
			return Samples.merge(latencies, System.nanoTime() - began);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int[] split(int total, int parts) {
		int[] counts = new int[parts];
		for (int i = 0; i < parts; i++) {
			counts[i] = total / parts + (i < total % parts ? 1 : 0);
		}
		return counts;
	}

	private static <K extends Comparable<K>> Map<K, Long> counts(Map<K, AtomicLong> counters) {
		var counts = new TreeMap<K, Long>();
		counters.forEach((key, value) -> counts.put(key, value.get()));
		return counts;
	}

	private static String abbreviated(String text) {
		var flat = text == null ? "" : text.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
	}

	// --- report

	private String report(Map<String, Long> dataset, List<Client> clients, Samples raw, Phase warmup, Phase measured,
			List<ListResult> lists) {
		var out = new StringBuilder();
		var version = this.jdbc.sql("SHOW server_version").query(String.class).single();
		var fsync = this.jdbc.sql("SHOW fsync").query(String.class).single();
		var syncCommit = this.jdbc.sql("SHOW synchronous_commit").query(String.class).single();
		line(out, "Trellis benchmark: conflict-checked deal registrations through the REST API");
		line(out, "run %s at %s, demo size '%s' in %s", this.runId, Instant.now().truncatedTo(ChronoUnit.SECONDS),
				settings.size(), settings.dataDir().toAbsolutePath());
		line(out, "PostgreSQL %s (embedded, fsync %s, synchronous_commit %s), %d CPUs, Java %s", version, fsync,
				syncCommit, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		line(out, "");
		line(out, "Dataset");
		dataset.forEach((table, count) -> line(out, "  %-36s %,14d",
				table + (table.equals("deal_registration") ? " (before)" : ""), count));
		line(out, "");
		line(out,
				"%d concurrent clients (partner users of %d distinct active/onboarding partners), HTTP/1.1 to 127.0.0.1",
				clients.size(), clients.stream().map(Client::partnerId).distinct().count());
		line(out, "warm-up %,d, measured %,d registrations; about %.0f%% name existing accounts",
				warmup.samples().count(), measured.samples().count(), settings.collisionShare() * 100);
		line(out, "");
		line(out, "  %-40s %8s %9s %10s %9s %9s %9s", "operation", "count", "seconds", "per second", "p50 ms", "p99 ms",
				"max ms");
		row(out, "POST /api/v1/registrations", measured.samples());
		row(out, "  the same in the warm-up (JIT compiling)", warmup.samples());
		row(out, "raw INSERT, 1 row per commit (same PG)", raw);
		double ratio = raw.perSecond() == 0 ? Double.NaN : measured.samples().perSecond() / raw.perSecond();
		line(out, "  ratio registrations/s ÷ raw inserts/s: %.3f (one registration costs about %.1f raw inserts)",
				ratio, 1 / ratio);
		line(out, "");
		line(out, "Registration outcomes (measured phase)");
		line(out, "  %-10s %9s %9s %9s", "status", "new", "colliding", "all");
		var statuses = new ArrayList<>(OUTCOMES);
		measured.outcomes()
			.keySet()
			.stream()
			.map(k -> k.substring(k.indexOf(' ') + 1))
			.distinct()
			.filter(s -> !statuses.contains(s))
			.forEach(statuses::add);
		for (var status : statuses) {
			long fresh = measured.outcomes().getOrDefault("new " + status, 0L);
			long colliding = measured.outcomes().getOrDefault("colliding " + status, 0L);
			line(out, "  %-10s %,9d %,9d %,9d", status, fresh, colliding, fresh + colliding);
		}
		line(out, "  HTTP status codes: %s (warm-up: %s)", measured.httpStatuses(), warmup.httpStatuses());
		var failures = new ArrayList<String>(warmup.failures());
		failures.addAll(measured.failures());
		if (failures.isEmpty()) {
			line(out, "  every response was 201 Created");
		}
		else {
			line(out, "  %d responses were not 201; the first ones:", failures.size());
			failures.stream().limit(5).forEach(failure -> line(out, "    %s", failure));
		}
		line(out, "");
		line(out, "List endpoints (one client, sequential, %d measured requests each after a warm-up; first page)",
				settings.listRequests());
		line(out,
				"  (admin sees the whole program; the partner user is one of the active partner with most open deals)");
		line(out, "  %-40s %-13s %12s %9s %9s %9s", "request", "viewer", "total rows", "p50 ms", "p99 ms", "max ms");
		for (var list : lists) {
			line(out, "  %-40s %-13s %,12d %9.1f %9.1f %9.1f", "GET " + list.path(), list.viewer(), list.total(),
					list.samples().percentileMillis(0.5), list.samples().percentileMillis(0.99),
					list.samples().maxMillis());
			list.failures().stream().limit(3).forEach(failure -> line(out, "    not 200: %s", failure));
		}
		line(out, "");
		line(out, "Load average (1, 5, 15 min) at the end: %s", loadAverage());
		line(out, settings.keep() ? "The registrations of this run stay in the benchmark database (trellis.bench.keep)."
				: "The registrations of this run are deleted afterwards; their audit entries stay (append-only).");
		return out.toString();
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private static void row(StringBuilder out, String operation, Samples samples) {
		line(out, "  %-40s %,8d %9.2f %10.1f %9.1f %9.1f %9.1f", operation, samples.count(), samples.wallSeconds(),
				samples.perSecond(), samples.percentileMillis(0.5), samples.percentileMillis(0.99),
				samples.maxMillis());
	}

	private static void line(StringBuilder out, String format, Object... args) {
		out.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

	// --- clean-up

	private void cleanUp(long registrationsBefore, long notificationsBefore, long unfinishedEventsBefore) {
		this.jdbc.sql("DROP TABLE IF EXISTS " + RAW_TABLE).update();
		awaitEvents(unfinishedEventsBefore);
		if (!settings.keep()) {
			// the run's registrations read once, then everything deleted by their ids: a
			// notice's link compared with a subquery of them per row ran past the query
			// timeout (60 s) after 12,000 registrations
			var mine = this.jdbc
				.sql("SELECT r.id FROM deal_registration r JOIN api_token t ON t.user_id = r.registered_by"
						+ " WHERE r.id > :before AND t.name = :token")
				.param("before", registrationsBefore)
				.param("token", tokenName())
				.query(Long.class)
				.list();
			var ids = com.trellis.shared.SqlIds.array(mine.isEmpty() ? List.of(-1L) : mine);
			var links = mine.stream().map(id -> "/registrations/" + id).toArray(String[]::new);
			for (var table : List.of("registration_conflict", "registration_history")) {
				this.jdbc.sql("DELETE FROM " + table + " WHERE registration_id = ANY (CAST(:ids AS BIGINT[]))")
					.param("ids", ids)
					.update();
			}
			var notices = "SELECT id FROM notification WHERE id > :before AND notice_key LIKE 'registration:%'"
					+ " AND link = ANY (CAST(:links AS TEXT[]))";
			for (var delete : List.of("DELETE FROM notification_delivery WHERE notification_id IN (" + notices + ")",
					"DELETE FROM notification WHERE id IN (" + notices + ")")) {
				this.jdbc.sql(delete).param("before", notificationsBefore).param("links", links).update();
			}
			int deleted = this.jdbc.sql("DELETE FROM deal_registration WHERE id = ANY (CAST(:ids AS BIGINT[]))")
				.param("ids", ids)
				.update();
			// the activity events the run's registrations wrote (Registering records one
			// per registration): left, they would crowd the benchmark partners' activity
			int events = this.jdbc.sql("""
					DELETE FROM activity_event e USING api_token t
					WHERE t.name = :token AND e.user_id = t.user_id AND e.type = 'DEAL_REGISTERED'
					  AND e.occurred_at >= :started
					""").param("token", tokenName()).param("started", Timestamp.from(this.started)).update();
			// the names only this run's registrations carried (registration_name keeps
			// every
			// name registered, and the run's are random: left, they would grow the
			// search's
			// table run by run)
			int names = this.jdbc
				.sql("DELETE FROM registration_name n WHERE NOT EXISTS (SELECT 1 FROM deal_registration r"
						+ " WHERE r.normalized_name = n.normalized_name AND r.name_shape = n.name_shape)")
				.update();
			System.out.printf(Locale.ROOT,
					"Deleted the %,d registrations, %,d activity events and %,d names of" + " benchmark run %s%n",
					deleted, events, names, this.runId);
			vacuum();
		}
		this.jdbc.sql("DELETE FROM api_token WHERE name = :token").param("token", tokenName()).update();
	}

	/**
	 * Vacuums what the clean-up deleted, so the next run starts from the state a program
	 * that never deletes registrations has: left to autovacuum (which starts at a fifth
	 * of a table dead), the deleted rows piled up run after run and were read again by
	 * the searches and their indexes.
	 */
	private void vacuum() {
		long start = System.nanoTime();
		var tables = new ArrayList<>(CLEANED);
		tables.addAll(List.of("notification_delivery", "activity_event"));
		this.jdbc.sql("VACUUM (ANALYZE) " + String.join(", ", tables)).update();
		System.out.printf(Locale.ROOT, "Vacuumed %s in %.1f s%n", tables, (System.nanoTime() - start) / 1e9);
	}

	/** Waits (at most a minute) for the notices the registrations published. */
	private void awaitEvents(long unfinishedBefore) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (unfinishedEvents() > unfinishedBefore && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private long unfinishedEvents() {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
	}

	private long max(String table) {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
	}

	record Client(int index, long partnerId, String token, HttpClient http) {
	}

	/**
	 * The registrations sent while waiting for the JIT to settle, and the JIT's share of
	 * each round (compile time over wall time, all compiler threads).
	 */
	record Settling(int sent, List<Double> shares, List<String> failures) {

		String report(double measuredShare) {
			var rounds = this.shares.stream().map(s -> String.format("%.0f%%", s * 100)).toList();
			return String.format(
					"%nJIT settling: %,d registrations after the warm-up in rounds of %,d, the compiler's time per"
							+ " round's wall time %s (settled under %.0f%%); in the measured phase %.0f%%%n",
					this.sent, SETTLE_ROUND, rounds, JitShare.SETTLED * 100, measuredShare * 100);
		}

	}

	/**
	 * A phase, the JIT's share of its wall time, and its database and process profile.
	 */
	record Instrumented(Phase phase, double jit, String profile) {
	}

	record Phase(Samples samples, Map<String, Long> outcomes, Map<Integer, Long> httpStatuses, List<String> failures) {
	}

	record PartnerToken(String token, HttpClient http) {
	}

	record ListResult(String path, String viewer, long total, Samples samples, List<String> failures) {
	}

}
