package com.trellis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.forecast.Forecasts;
import com.trellis.identity.ApiTokens;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.shared.DailyFigures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify}): the rows of
 * issue 15's targets that are reporting's: the KPI figures program-wide and for a PAM's
 * book and the forecast roll-up under concurrent users (p50 and p95), the forecast
 * model's incremental update on a close, its full relearning and the full rebuild of its
 * counts and of the deal facts, and the adoption page's per-rep figures, each next to the
 * time of one sequential scan of the opportunities table measured in the same run.
 *
 * <p>
 * Uses the same persistent dataset as {@link RegistrationBenchmark} ({@code data/bench}
 * for the large demo). Each request of the measured phases is one of: the program's KPIs
 * for the current quarter as an admin, or a PAM's book as that PAM (KPIs); the program
 * roll-up as an admin, or a PAM's book as that PAM (forecast). Prints a table and writes
 * it to {@code target/benchmark-reporting.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	private static final int SCANS = 5;

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
	}

	/**
	 * Counts the statements the application sends ({@link StatementCounter}): the page
	 * tour prints each page's.
	 */
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
	org.springframework.context.ApplicationContext context;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Forecasts forecasts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Kpis kpis;

	@Autowired
	Deals deals;

	@Autowired
	javax.sql.DataSource dataSource;

	private double floorMillis;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	@Order(1)
	void kpisAndForecastRollUpAgainstASequentialScan() throws Exception {
		long opportunities = this.jdbc.sql("SELECT count(*) FROM opportunity").query(Long.class).single();
		var callers = callers();
		var scan = repeat(SCANS, this::sequentialScan);
		this.floorMillis = scan.percentileMillis(0.5);
		var admin = new Viewer(adminId(), "benchmark", Role.ADMIN, null);
		// -Dtrellis.bench.reporting-only=adoption measures the floor and the adoption
		// page's per-rep figures alone (the KPI and forecast phases take minutes on the
		// large dataset)
		if ("adoption".equals(System.getProperty("trellis.bench.reporting-only", ""))) {
			adoptionOnly(opportunities, scan, callers);
			return;
		}
		var probabilities = repeat(SCANS, () -> time(() -> this.forecasts.relearn(admin)));
		// -Dtrellis.bench.rebuilds=false leaves the two full rebuilds out (minutes on the
		// large dataset; the start-up's build of the same is logged by FactsStartup)
		boolean rebuilds = Boolean.parseBoolean(System.getProperty("trellis.bench.rebuilds", "true"));
		var rebuild = rebuilds ? repeat(1, () -> rolledBack("SELECT forecast_counts_rebuild()"))
				: new Samples(new long[0], 0);
		var facts = rebuilds ? repeat(1, () -> rolledBack("SELECT facts_rebuild((SELECT zone FROM fact_setting))"))
				: new Samples(new long[0], 0);
		var open = rebuilds ? repeat(1, () -> rolledBack("SELECT forecast_open_rebuild()"))
				: new Samples(new long[0], 0);
		var closes = closes(admin);
		var kpis = concurrent(callers, "/api/v1/kpis", "?slice=PAM&sliceValue=");
		var rollUp = concurrent(callers, "/api/v1/forecast/rollup", "?scope=PAM&scopeId=");
		var adoption = concurrent(List.<String[]>of(callers.get(0)), "/api/v1/adoption/reps", "");
		var perKpi = perKpi(admin);
		var rows = new LinkedHashMap<String, Samples>();
		rows.put("sequential scan of opportunity (floor)", scan);
		rows.put("KPI figures, program-wide (admin)", kpis[0]);
		rows.put("KPI figures, a PAM's book", kpis[1]);
		rows.put("forecast roll-up, program-wide (admin)", rollUp[0]);
		rows.put("forecast roll-up, a PAM's book", rollUp[1]);
		rows.put("model: a close, incremental (counts refresh)", closes[0]);
		rows.put("model: a close, whole transaction", closes[1]);
		rows.put("model: full relearn (from the counts)", probabilities);
		rows.put("model: full rebuild of the counts (base)", rebuild);
		rows.put("facts: full rebuild (base tables)", facts);
		rows.put("forecast: full rebuild of the open pipeline (V110)", open);
		rows.put("adoption page, per-rep figures (admin)", adoption[0]);
		var report = report(opportunities, rows) + String.format(Locale.ROOT,
				"KPI requests per second: %.1f; roll-up requests per second: %.1f; load average at the end: %s%n",
				(kpis[0].count() + kpis[1].count()) / Math.max(kpis[0].wallSeconds(), 1e-9),
				(rollUp[0].count() + rollUp[1].count()) / Math.max(rollUp[0].wallSeconds(), 1e-9), loadAverage())
				+ perKpi;
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-reporting.txt"), report);
		// -Dtrellis.bench.explain=kpi15c writes only those files' plans ("before" alone
		// takes minutes on the large dataset)
		var explained = new StringBuilder();
		for (var which : System.getProperty("trellis.bench.explain", "before,after,kpi15,kpi15c").split(",")) {
			explained.append(explain(which.strip()));
		}
		Files.writeString(Path.of("target", "benchmark-reporting-explain.txt"), explained);
		assertThat(kpis[0].count() + kpis[1].count()).isEqualTo(settings.listRequests() * settings.clients());
	}

	/**
	 * The floor and the adoption page's per-rep figures only, under the same clients and
	 * requests; the same report file, and the plans of {@code -Dtrellis.bench.explain}
	 * (e.g. {@code adopt17}).
	 */
	private void adoptionOnly(long opportunities, Samples scan, List<String[]> callers) throws Exception {
		var adoption = concurrent(List.<String[]>of(callers.get(0)), "/api/v1/adoption/reps", "");
		var rows = new LinkedHashMap<String, Samples>();
		rows.put("sequential scan of opportunity (floor)", scan);
		rows.put("adoption page, per-rep figures (admin)", adoption[0]);
		var report = report(opportunities, rows)
				+ String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage());
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-reporting.txt"), report);
		var explained = new StringBuilder();
		for (var which : System.getProperty("trellis.bench.explain", "adopt17").split(",")) {
			if (!which.isBlank()) {
				explained.append(explain(which.strip()));
			}
		}
		Files.writeString(Path.of("target", "benchmark-reporting-explain.txt"), explained);
		assertThat(adoption[0].count()).isEqualTo(settings.listRequests() * settings.clients());
	}

	/**
	 * The home page of each role and every navigation page of the roles in
	 * {@code -Dtrellis.bench.page-roles} (default admin, PAM and partner user), through
	 * signed-in sessions, next to the same floor; {@code -Dtrellis.bench.page-requests}
	 * per session (default 2); {@code -Dtrellis.bench.pages=/cohorts,/roi} measures only
	 * those pages. Writes {@code target/benchmark-pages.txt}.
	 */
	@Test
	@Order(2)
	void everyListPageAndTheHomePageOfEachRole() throws Exception {
		int requests = Integer.getInteger("trellis.bench.page-requests", 2);
		var listRoles = List.of(System.getProperty("trellis.bench.page-roles", "ADMIN,PAM,PARTNER").split(","));
		var stored = storeDailyFigures();
		var floor = repeat(SCANS, this::sequentialScan).percentileMillis(0.5);
		var tour = new PageTour(this.port, this.jdbc, settings.clients(), requests);
		var rows = tour.tour(List.of("ADMIN", "EXECUTIVE", "PAM", "SALES_MANAGER", "AE", "PARTNER"), listRoles);
		var report = stored
				+ String.format(Locale.ROOT, "%nsequential scan of opportunity (floor, p50 of %d): %.1f ms%n", SCANS,
						floor)
				+ PageTour.report(rows, floor, settings.clients(), requests)
				+ String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage());
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-pages.txt"), report);
		assertThat(rows).isNotEmpty();
	}

	/**
	 * Where a KPI request's time goes ({@link RequestProfile}): the program's KPIs as an
	 * admin and a PAM's book as that PAM (the first
	 * {@code -Dtrellis.bench.profile-callers} of the admin and the seven PAMs, default
	 * 2), {@code -Dtrellis.bench.profile-requests} times each (default 3) one at a time,
	 * after one unmeasured request each; the statements each request sends with their
	 * server time. Writes {@code target/benchmark-kpi-profile.txt}.
	 */
	@Test
	@Order(3)
	void kpiRequestProfile() throws Exception {
		int times = Integer.getInteger("trellis.bench.profile-requests", 3);
		var paths = System.getProperty("trellis.bench.profile-paths", "/api/v1/kpis").split(",");
		var callers = callers();
		var log = settings.dataDir().toAbsolutePath().resolveSibling(settings.dataDir().getFileName() + ".log");
		var out = new StringBuilder();
		for (var path : paths) {
			// -Dtrellis.bench.profile-callers=8: the admin and every benchmark PAM's book
			int profiled = Math.min(callers.size(), Integer.getInteger("trellis.bench.profile-callers", 2));
			for (var caller : callers.subList(0, profiled)) {
				// the KPI endpoints take the PAM's book as a slice; other paths answer
				// the PAM's own scope
				var url = path + (caller[1] == null || !path.contains("kpis") ? ""
						: (path.contains("?") ? "&" : "?") + "slice=PAM&sliceValue=" + caller[1]);
				Runnable request = () -> {
					try {
						get(url, caller[0]);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				};
				request.run();
				out.append(RequestProfile.of((caller[1] == null ? "admin " : "PAM " + caller[1] + " ") + url, times,
						request, this.jdbc, Files.exists(log) ? log : null));
			}
		}
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage()));
		System.out.println(out);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-kpi-profile.txt"), out);
	}

	/**
	 * Where a page's time goes ({@link RequestProfile}) for the pages of
	 * {@code -Dtrellis.bench.profile-pages=ADMIN:/adoption,PAM:/forecast} (role and path;
	 * the user is the page tour's for the role), each opened
	 * {@code -Dtrellis.bench.profile-requests} times (default 3) one at a time through a
	 * signed-in session after one unmeasured request, then the plans of
	 * {@code -Dtrellis.bench.page-explain} (explain files as {@link #explain}). Writes
	 * {@code target/benchmark-page-profile.txt}.
	 */
	@Test
	@Order(4)
	void pageProfile() throws Exception {
		var pages = System.getProperty("trellis.bench.profile-pages", "").strip();
		if (pages.isEmpty()) {
			return;
		}
		int times = Integer.getInteger("trellis.bench.profile-requests", 3);
		var log = settings.dataDir().toAbsolutePath().resolveSibling(settings.dataDir().getFileName() + ".log");
		var out = new StringBuilder(storeDailyFigures());
		for (var page : pages.split(",")) {
			var roleAndPath = page.strip().split(":", 2);
			var request = new PageTour(this.port, this.jdbc, 1, 1).request(roleAndPath[0], roleAndPath[1]);
			request.run();
			out.append(RequestProfile.of(roleAndPath[0] + " " + roleAndPath[1], times, request, this.jdbc,
					Files.exists(log) ? log : null));
		}
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage()));
		// -Dtrellis.bench.page-explain=pages18 adds the plans of that explain file
		for (var which : System.getProperty("trellis.bench.page-explain", "").split(",")) {
			if (!which.isBlank()) {
				out.append(explain(which.strip()));
			}
		}
		System.out.println(out);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-page-profile.txt"), out);
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of each hot query in
	 * {@code bench/reporting-explain-<which>.sql}: "before" holds the SQL as it was
	 * before the facts (run on today's schema, so with the new indexes), "after" the SQL
	 * that replaced it. A part titled {@code rows: …} prints the statement's rows instead
	 * of its plan.
	 */
	private String explain(String which) throws java.io.IOException {
		var text = new String(
				getClass().getResourceAsStream("/bench/reporting-explain-" + which + ".sql").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		var out = new StringBuilder();
		for (var part : text.split("-- ### ")) {
			if (part.isBlank()) {
				continue;
			}
			int eol = part.indexOf('\n');
			var title = part.substring(0, eol).strip();
			var sql = part.substring(eol + 1).strip().replaceAll(";$", "");
			out.append("### ").append(which).append(": ").append(title).append("\n\n");
			// without the request-sized query timeout: the "before" learning query reads
			// every stage move (it was cancelled at 60 s on the large dataset, losing the
			// run's report)
			var unlimited = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource));
			if (title.startsWith("rows:")) {
				// a part titled "rows: …" prints what the statement answers (sizes,
				// indexes)
				unlimited.sql(sql)
					.query()
					.listOfRows()
					.forEach(row -> out.append("    ").append(row.values()).append("\n"));
			}
			else {
				unlimited.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
					.query(String.class)
					.list()
					.forEach(line -> out.append("    ").append(line).append("\n"));
			}
			out.append("\n");
		}
		return out.toString();
	}

	/**
	 * Brings every stored page figure set up to date as the morning's jobs do
	 * ({@link DailyFigures}: the benchmark switches the jobs off), so the pages are
	 * measured as a program uses them, not in the per-request fallback a page takes only
	 * while nothing is stored; returns each set's time to compute.
	 */
	private String storeDailyFigures() {
		var out = new StringBuilder("stored page figures (as the daily jobs store them):\n");
		this.context.getBeansOfType(DailyFigures.class).forEach((name, figures) -> {
			long started = System.nanoTime();
			boolean stored = figures.storeDaily();
			out.append(String.format(Locale.ROOT, "  %s: %s in %.1f s%n", name,
					stored ? "stored" : "already stored today", (System.nanoTime() - started) / 1e9));
		});
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

	/** Runs a statement in a transaction that is rolled back; its time. */
	private long rolledBack(String sql) {
		return this.transactions.execute(status -> {
			status.setRollbackOnly();
			// a rebuild takes longer than the request-sized query timeout allows
			var unlimited = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource));
			return time(() -> unlimited.sql(sql).query().singleRow());
		});
	}

	/**
	 * Twenty open deals closed as won, each in its own rolled-back transaction: the time
	 * of the forecast counts' refresh for the closed deal alone ([0]) and of the whole
	 * close with its facts and counts ([1]).
	 */
	private Samples[] closes(Viewer admin) {
		var ids = this.jdbc.sql("SELECT id FROM opportunity WHERE stage = 'COMMIT' ORDER BY id DESC LIMIT 20")
			.query(Long.class)
			.list();
		long[] refresh = new long[ids.size()];
		long[] whole = new long[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			int at = i;
			this.transactions.executeWithoutResult(status -> {
				status.setRollbackOnly();
				whole[at] = time(
						() -> this.deals.moveStage(admin, id, Stage.COMMIT, Stage.CLOSED_WON, "benchmark", false));
				refresh[at] = time(() -> this.jdbc.sql("SELECT forecast_counts_refresh(ARRAY[CAST(:id AS BIGINT)])")
					.param("id", id)
					.query()
					.singleRow());
			});
		}
		return new Samples[] { new Samples(refresh, 0), new Samples(whole, 0) };
	}

	private long adminId() {
		return this.jdbc.sql("SELECT min(id) FROM app_user WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
	}

	/** Each KPI's own SQL for the program and the current quarter, one run each. */
	private String perKpi(Viewer admin) {
		var period = Period.quarter(com.trellis.shared.FiscalQuarter
			.containing(java.time.LocalDate.now(java.time.ZoneOffset.UTC), java.time.Month.JANUARY));
		var out = new StringBuilder();
		// the program, then the book of the first PAM the concurrent run asked for (each
		// statement of a PAM's request, one at a time)
		var pam = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'PAM' AND enabled ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional();
		var slices = new LinkedHashMap<String, Slice>();
		slices.put("admin, program", Slice.PROGRAM);
		pam.ifPresent(id -> slices.put("admin, PAM " + id + "'s book", new Slice(Slice.Kind.PAM, String.valueOf(id))));
		for (var slice : slices.entrySet()) {
			out.append(String.format(Locale.ROOT, "%nOne KPI at a time (%s):%n", slice.getKey()));
			for (var kpi : this.kpis.compute(admin, period, slice.getValue())) {
				long nanos = time(
						() -> this.kpis.compute(admin, period, slice.getValue(), java.util.Set.of(kpi.code())));
				out.append(String.format(Locale.ROOT, "  %-28s %10.1f ms %8.2f x scan  (%s / %s)%n", kpi.code(),
						nanos / 1e6, nanos / 1e6 / this.floorMillis, kpi.value(), kpi.baseline()));
			}
		}
		var zone = java.time.ZoneId.of(this.jdbc.sql("SELECT zone FROM fact_setting").query(String.class).single());
		out.append(SalesCycleCheck.before(this.jdbc, period.from().atStartOfDay(zone).toInstant(),
				period.until().atStartOfDay(zone).toInstant()));
		out.append(KeptKpiCheck.before(this.jdbc, period.from(), period.until(), zone));
		return out.toString();
	}

	/** An admin token and PAM tokens with their PAM ids, issued for this run. */
	private List<String[]> callers() {
		var callers = new ArrayList<String[]>();
		callers.add(new String[] { this.tokens.issue(adminId(), "reporting benchmark"), null });
		this.jdbc.sql("SELECT id FROM app_user WHERE role = 'PAM' AND enabled ORDER BY id LIMIT 7")
			.query(Long.class)
			.list()
			.forEach(pam -> callers
				.add(new String[] { this.tokens.issue(pam, "reporting benchmark"), Long.toString(pam) }));
		return callers;
	}

	/**
	 * The time of one full pass over the opportunities table with index scans switched
	 * off for the statement's transaction.
	 */
	private long sequentialScan() {
		return this.transactions.execute(status -> {
			this.jdbc.sql("SET LOCAL enable_indexscan = off").update();
			this.jdbc.sql("SET LOCAL enable_indexonlyscan = off").update();
			this.jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
			return time(() -> this.jdbc.sql("SELECT count(*), sum(amount) FROM opportunity").query().singleRow());
		});
	}

	/**
	 * {@code clients} threads, each sending {@code listRequests} requests, alternating
	 * between the admin's program request and a PAM's request for their own book.
	 */
	private Samples[] concurrent(List<String[]> callers, String path, String pamQuery) throws Exception {
		for (var caller : callers) {
			get(path + (caller[1] == null ? "" : pamQuery + caller[1]), caller[0]);
		}
		var tasks = new ArrayList<Callable<long[][]>>();
		for (int c = 0; c < settings.clients(); c++) {
			int client = c;
			tasks.add(() -> {
				long[] program = new long[settings.listRequests()];
				long[] book = new long[settings.listRequests()];
				int programs = 0;
				int books = 0;
				for (int i = 0; i < settings.listRequests(); i++) {
					var caller = callers.get((client + i) % callers.size());
					long started = System.nanoTime();
					get(path + (caller[1] == null ? "" : pamQuery + caller[1]), caller[0]);
					long took = System.nanoTime() - started;
					if (caller[1] == null) {
						program[programs++] = took;
					}
					else {
						book[books++] = took;
					}
				}
				return new long[][] { java.util.Arrays.copyOf(program, programs),
						java.util.Arrays.copyOf(book, books) };
			});
		}
		var pool = Executors.newFixedThreadPool(settings.clients());
		try {
			long started = System.nanoTime();
			var futures = pool.invokeAll(tasks);
			var programs = new ArrayList<long[]>();
			var books = new ArrayList<long[]>();
			for (var future : futures) {
				programs.add(future.get()[0]);
				books.add(future.get()[1]);
			}
			long wall = System.nanoTime() - started;
			return new Samples[] { Samples.merge(programs, wall), Samples.merge(books, wall) };
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void get(String path, String token) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(2))
			.GET()
			.build();
		var response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
	}

	private static Samples repeat(int times, LongSupplier run) {
		run.getAsLong();
		long[] latencies = new long[times];
		long started = System.nanoTime();
		for (int i = 0; i < times; i++) {
			latencies[i] = run.getAsLong();
		}
		return new Samples(latencies, System.nanoTime() - started);
	}

	private static long time(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return System.nanoTime() - started;
	}

	private static String report(long opportunities, Map<String, Samples> rows) {
		double floor = rows.values().iterator().next().percentileMillis(0.5);
		var out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nReporting benchmark: %,d opportunities, %d clients x %d requests%n",
				opportunities, settings.clients(), settings.listRequests()));
		out.append(String.format(Locale.ROOT, "%-48s %8s %10s %10s %10s %12s%n", "measure", "count", "p50 ms", "p95 ms",
				"max ms", "p95 / scan"));
		for (Map.Entry<String, Samples> row : rows.entrySet()) {
			var s = row.getValue();
			out.append(String.format(Locale.ROOT, "%-48s %8d %10.1f %10.1f %10.1f %12.2f%n", row.getKey(), s.count(),
					s.percentileMillis(0.5), s.percentileMillis(0.95), s.maxMillis(),
					s.percentileMillis(0.95) / floor));
		}
		return out.toString();
	}

}
