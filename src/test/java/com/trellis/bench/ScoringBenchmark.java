package com.trellis.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.trellis.scoring.PartnerScores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify}): the first run's
 * scoring with its 12-week back-fill (a transaction per week), a day's full rescoring of
 * every partner, and one partner's scorecard page with 8 concurrent signed-in PAMs (p50,
 * p95), each next to one sequential scan of the activity events table measured in the
 * same run. Uses the dataset of {@code -Dtrellis.bench.size} (see {@link BenchSettings});
 * prints the figures and writes them to {@code target/benchmark-scoring.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScoringBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	/**
	 * Whether to time the first run's 12-week back-fill too (long on the large dataset).
	 */
	private static final boolean BACKFILL = Boolean
		.parseBoolean(System.getProperty("trellis.bench.scoring-backfill", "true"));

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.scoring.daily-cron", () -> "-");
		// the tier and cohort jobs score the day at start-up too: the benchmark times
		// that
		// itself
		registry.add("trellis.tiers.daily-cron", () -> "-");
		registry.add("trellis.cohorts.daily-cron", () -> "-");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerScores scores;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void scoringAndTheScorecardAgainstASequentialScanOfActivityEvents() throws Exception {
		var loadBefore = loadAverage();
		long partners = count("partner");
		long events = count("activity_event");
		long scan = sequentialScan();
		// TRUNCATE, not DELETE: on the large dataset the weekly signal rows number
		// millions
		this.jdbc
			.sql("TRUNCATE " + String.join(", ", List.of("score_drift_alert", "score_drift", "partner_signal_week",
					"partner_score_week", "scoring_run", "scoring_backfill_week")))
			.update();
		if (!BACKFILL) {
			skipBackfill();
		}
		long firstRun = BACKFILL ? time(() -> assertThat(this.scores.runDaily()).isTrue()) : 0;
		long weeks = this.jdbc.sql("SELECT count(DISTINCT week_start) FROM partner_score_week")
			.query(Long.class)
			.single();
		if (BACKFILL) {
			this.jdbc.sql("DELETE FROM scoring_run").update();
		}
		long daily = time(() -> assertThat(this.scores.runDaily()).isTrue());
		long scanAfter = sequentialScan();
		var loadAfterRuns = loadAverage();
		var pages = scorecards();
		var loadAfterPages = loadAverage();
		double floor = Math.min(scan, scanAfter) / 1e6;
		var out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nScoring benchmark: %,d partners, %,d activity events (%s dataset)%n",
				partners, events, settings.size()));
		out.append(String.format(Locale.ROOT, "%-62s %12s %12s%n", "measure", "ms", "x scan"));
		out.append(line("sequential scan of activity_event (floor, best of 2)", floor, floor));
		if (BACKFILL) {
			out.append(line("first run: today + %d-week back-fill, a transaction per week".formatted(weeks - 1),
					firstRun / 1e6, floor));
		}
		else {
			out.append("first run's back-fill not timed (-Dtrellis.bench.scoring-backfill=false)\n");
		}
		out.append(line("daily run: full rescoring of every partner (one week)", daily / 1e6, floor));
		out.append(line("scorecard page, %d users x %d: p50".formatted(settings.clients(), settings.listRequests()),
				pages.percentileMillis(0.5), floor));
		out.append(line("scorecard page: p95", pages.percentileMillis(0.95), floor));
		if (BACKFILL) {
			out.append(
					line("  of which the back-fill (first run less the daily run)", (firstRun - daily) / 1e6, floor));
		}
		out.append(String.format(Locale.ROOT, "scorecard pages per second: %.1f%n", pages.perSecond()));
		out.append(String.format(Locale.ROOT,
				"load average (1 min) at the start %s, after the runs %s, after the pages %s (%d cores)%n", loadBefore,
				loadAfterRuns, loadAfterPages, Runtime.getRuntime().availableProcessors()));
		System.out.println(out);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-scoring.txt"), out.toString());
		assertThat(pages.count()).isEqualTo(settings.clients() * settings.listRequests());
	}

	private static String line(String measure, double millis, double floor) {
		return String.format(Locale.ROOT, "%-62s %12.1f %12.2f%n", measure, millis, millis / floor);
	}

	/**
	 * Marks the back-fill as done long ago (a run and a stored week a year back), so the
	 * first run scores today only: a quicker run that times the daily rescoring and the
	 * pages.
	 */
	private void skipBackfill() {
		var longAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1);
		var now = java.sql.Timestamp.from(java.time.Instant.now());
		this.jdbc.sql("""
				INSERT INTO scoring_run (day, partners, weeks, started_at, finished_at)
				VALUES (:day, 0, 0, :now, :now)
				""").param("day", longAgo).param("now", now).update();
		this.jdbc
			.sql("""
					INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, unknown_reason,
					                                computed_at)
					SELECT min(id), :day, 'benchmark', :day, 'READINESS', NULL, 'benchmark: back-fill skipped', :now
					FROM partner
					""")
			.param("day", longAgo)
			.param("now", now)
			.update();
	}

	private static String loadAverage() {
		return String.format(Locale.ROOT, "%.1f",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private long count(String table) {
		return JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource))
			.sql("SELECT count(*) FROM " + table)
			.query(Long.class)
			.single();
	}

	private long sequentialScan() {
		return this.transactions.execute(status -> {
			this.jdbc.sql("SET LOCAL enable_indexscan = off").update();
			this.jdbc.sql("SET LOCAL enable_indexonlyscan = off").update();
			this.jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
			// without the request-sized query timeout: on a busy machine the scan may
			// pass it
			var unbounded = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource));
			return time(() -> unbounded.sql("SELECT count(*), count(DISTINCT type) FROM activity_event")
				.query()
				.singleRow());
		});
	}

	/**
	 * Signed-in PAMs (as many as clients) opening scorecards of their own book at once.
	 */
	private Samples scorecards() throws Exception {
		var pams = this.jdbc.sql("""
				SELECT u.email, array_agg(p.id) FROM app_user u JOIN partner p ON p.owner_pam_id = u.id
				WHERE u.role = 'PAM' AND u.enabled AND u.email LIKE '%@trellis.demo'
				GROUP BY u.email ORDER BY u.email LIMIT 8
				""").query((rs, n) -> new Object[] { rs.getString(1), (Long[]) rs.getArray(2).getArray() }).list();
		var tasks = new ArrayList<Callable<long[]>>();
		for (int c = 0; c < settings.clients(); c++) {
			var pam = pams.get(c % pams.size());
			var http = signIn((String) pam[0]);
			var book = (Long[]) pam[1];
			tasks.add(() -> {
				long[] latencies = new long[settings.listRequests()];
				for (int i = 0; i < latencies.length; i++) {
					long started = System.nanoTime();
					var response = http.send(request("/partners/" + book[i % book.length] + "/scorecard").build(),
							HttpResponse.BodyHandlers.ofString());
					latencies[i] = System.nanoTime() - started;
					if (response.statusCode() != 200 || !response.body().contains("score-READINESS")) {
						throw new IllegalStateException("scorecard answered " + response.statusCode());
					}
				}
				return latencies;
			});
		}
		var pool = Executors.newFixedThreadPool(settings.clients());
		try {
			long started = System.nanoTime();
			var perClient = new ArrayList<long[]>();
			for (var future : pool.invokeAll(tasks)) {
				perClient.add(future.get());
			}
			return Samples.merge(perClient, System.nanoTime() - started);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HttpClient signIn(String email) throws Exception {
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		var login = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(login.body());
		assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
		var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var response = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return http;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofMinutes(2));
	}

	private static long time(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return System.nanoTime() - started;
	}

}
