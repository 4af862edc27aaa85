package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import com.trellis.deals.Deals;
import com.trellis.forecast.Forecasts;
import com.trellis.identity.ApiTokens;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpis;
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

	private ApiLoad api;

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
		var closes = ReportingTimings.closes(this.jdbc, this.transactions, this.deals, admin);
		var kpis = concurrent(callers, "/api/v1/kpis", "?slice=PAM&sliceValue=");
		var rollUp = concurrent(callers, "/api/v1/forecast/rollup", "?scope=PAM&scopeId=");
		var adoption = concurrent(List.<String[]>of(callers.get(0)), "/api/v1/adoption/reps", "");
		var perKpi = ReportingTimings.perKpi(this.jdbc, this.kpis, admin, this.floorMillis);
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
				+ api().settling() + perKpi;
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
				+ String.format(Locale.ROOT, "load average at the end: %s%n", loadAverage()) + api().settling();
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
	 * those pages; {@code -Dtrellis.bench.plan-cache-mode=force_generic_plan} (or
	 * {@code force_custom_plan}) sets PostgreSQL's {@code plan_cache_mode} for the tour
	 * and resets it after: with generic plans forced, the tour shows which statements
	 * would be slow if PostgreSQL chose their generic plan, as it may after five runs of
	 * a prepared statement on a connection (s66). Writes
	 * {@code target/benchmark-pages.txt}.
	 */
	@Test
	@Order(2)
	void everyListPageAndTheHomePageOfEachRole() throws Exception {
		int requests = Integer.getInteger("trellis.bench.page-requests", 2);
		var listRoles = List.of(System.getProperty("trellis.bench.page-roles", "ADMIN,PAM,PARTNER").split(","));
		var stored = storeDailyFigures();
		var floor = repeat(SCANS, this::sequentialScan).percentileMillis(0.5);
		var tour = new PageTour(this.port, this.jdbc, settings.clients(), requests);
		var planMode = planCacheMode();
		stored += planMode.isEmpty() ? "" : "plan_cache_mode for the tour: " + planMode + "\n";
		List<PageTour.Row> rows;
		try {
			rows = tour.tour(List.of("ADMIN", "EXECUTIVE", "PAM", "SALES_MANAGER", "AE", "PARTNER"), listRoles,
					settings.dataDir());
		}
		finally {
			resetPlanCacheMode(planMode);
		}
		long measured = rows.stream().mapToLong(row -> row.samples().count() + 1).sum();
		var report = stored
				+ String.format(Locale.ROOT, "%nsequential scan of opportunity (floor, p50 of %d): %.1f ms%n", SCANS,
						floor)
				+ tour.warmUp() + PageTour.report(rows, floor, settings.clients(), requests) + tour.cpu(measured)
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
	 * {@code -Dtrellis.bench.page-explain} (explain files as {@link #explain});
	 * {@code -Dtrellis.bench.plan-cache-mode} as for the page tour. Writes
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
		var planMode = planCacheMode();
		out.append(planMode.isEmpty() ? "" : "plan_cache_mode for the profile: " + planMode + "\n");
		try {
			for (var page : pages.split(",")) {
				var roleAndPath = page.strip().split(":", 2);
				var request = new PageTour(this.port, this.jdbc, 1, 1).request(roleAndPath[0], roleAndPath[1]);
				request.run();
				out.append(RequestProfile.of(roleAndPath[0] + " " + roleAndPath[1], times, request, this.jdbc,
						Files.exists(log) ? log : null));
			}
		}
		finally {
			resetPlanCacheMode(planMode);
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
	 * Sets PostgreSQL's {@code plan_cache_mode} to
	 * {@code -Dtrellis.bench.plan-cache-mode} when given; returns the mode, empty when
	 * not given.
	 */
	private String planCacheMode() {
		var planMode = System.getProperty("trellis.bench.plan-cache-mode", "").strip();
		if (!planMode.matches("|auto|force_generic_plan|force_custom_plan")) {
			throw new IllegalArgumentException(
					"trellis.bench.plan-cache-mode must be auto, force_generic_plan or force_custom_plan");
		}
		if (!planMode.isEmpty()) {
			RequestProfile.setting(this.jdbc, "ALTER SYSTEM SET plan_cache_mode = " + planMode);
		}
		return planMode;
	}

	private void resetPlanCacheMode(String planMode) {
		if (!planMode.isEmpty()) {
			RequestProfile.setting(this.jdbc, "ALTER SYSTEM RESET plan_cache_mode");
		}
	}

	private String explain(String which) throws java.io.IOException {
		return ExplainFile.of(which, this.dataSource);
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

	private long adminId() {
		return this.jdbc.sql("SELECT min(id) FROM app_user WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
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

	private Samples[] concurrent(List<String[]> callers, String path, String pamQuery) throws Exception {
		return api().concurrent(callers, path, pamQuery);
	}

	private void get(String path, String token) throws Exception {
		api().get(path, token);
	}

	private ApiLoad api() {
		if (this.api == null) {
			this.api = new ApiLoad(this.port, settings.clients(), settings.listRequests(), settings.dataDir());
		}
		return this.api;
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
