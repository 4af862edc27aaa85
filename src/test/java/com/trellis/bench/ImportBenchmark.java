package com.trellis.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.trellis.identity.ApiTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify
 * -Dtest=ImportBenchmark}): generates a Salesforce-style export (Account, User,
 * Opportunity, OpportunityHistory; {@code -Dtrellis.bench.import-opportunities}, default
 * 1,000,000, three to four history rows each), imports it through
 * {@code POST /api/v1/imports/salesforce} (dry run off) on an empty program, and prints
 * rows per second and the peak heap next to a plain {@code COPY} of the same two files
 * into bare tables in the same run (the floor), with the ratio. Writes
 * {@code target/benchmark-import.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBenchmark {

	private static final int OPPORTUNITIES = Integer.getInteger("trellis.bench.import-opportunities", 1_000_000);

	private static final Path FILES = Path.of("target", "bench-import");

	@DynamicPropertySource
	static void emptyProgram(DynamicPropertyRegistry registry) {
		registry.add("trellis.demo.enabled", () -> "false");
		registry.add("trellis.embedded-db.ephemeral", () -> "true");
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
		registry.add("trellis.registration.expiry-cron", () -> "-");
		registry.add("spring.servlet.multipart.max-file-size", () -> "-1");
		registry.add("spring.servlet.multipart.max-request-size", () -> "-1");
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
	void importAgainstAPlainCopy() throws Exception {
		long admin = this.jdbc.sql("""
				INSERT INTO app_user (email, display_name, password_hash, role, created_at)
				VALUES ('bench-admin@trellis.test', 'Benchmark admin', '{noop}x', 'ADMIN', now()) RETURNING id
				""").query(Long.class).single();
		int historyRows = generate();
		long rows = OPPORTUNITIES + historyRows;

		long copyStart = System.nanoTime();
		copy("Opportunity.csv", 12);
		copy("OpportunityHistory.csv", 6);
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;

		var loadBefore = loadAverage();
		resetPeaks();
		var sampler = new HeapSampler();
		sampler.start();
		long importStart = System.nanoTime();
		var response = upload(this.tokens.issue(admin, "import benchmark"));
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		sampler.interrupt();
		sampler.join();
		long peakHeap = peakHeap();
		var loadAfter = loadAverage();

		var report = String.format(Locale.ROOT,
				"""
						Import of a generated Salesforce export: %,d opportunities and %,d history rows (%,d rows)
						  import (POST /api/v1/imports/salesforce, dry run off): %8.1f s %,12.0f rows/s   peak heap: old generation %,d MB, used heap sampled every 100 ms %,d MB (max heap %,d MB)
						  floor (plain COPY of the same files into bare tables): %8.1f s %,12.0f rows/s
						  ratio import / floor (time): %.1f x
						  load average (1, 5, 15 min) at the import's start: %s, at its end: %s
						  answer: HTTP %d %s
						""",
				OPPORTUNITIES, historyRows, rows, importSeconds, rows / importSeconds, peakHeap / (1024 * 1024),
				sampler.max / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), copySeconds,
				rows / copySeconds, importSeconds / copySeconds, loadBefore, loadAfter, response.statusCode(),
				response.body().length() > 300 ? response.body().substring(0, 300) + "..." : response.body());
		System.out.println(report);
		Files.writeString(Path.of("target", "benchmark-import.txt"), report);
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** Writes the four files; returns the number of history rows. */
	private static int generate() throws IOException {
		Files.createDirectories(FILES);
		int accounts = Math.max(1, OPPORTUNITIES / 10);
		try (var out = writer("User.csv")) {
			out.write("Id,Name,Email,IsActive\n");
			for (int u = 0; u < 20; u++) {
				out.write("005U" + u + ",Rep " + u + ",rep" + u + "@bench.test,true\n");
			}
		}
		var start = Instant.parse("2023-01-02T09:00:00Z");
		try (var out = writer("Account.csv")) {
			out.write("Id,Name,Website,Industry,OwnerId,CreatedDate,IsPartner\n");
			for (int a = 0; a < accounts; a++) {
				out.write("001A" + a + ",\"Customer " + a + ", Inc.\",customer" + a + ".example,Software,005U"
						+ (a % 20) + "," + start + ",false\n");
			}
		}
		int history = 0;
		String[] open = { "Prospecting", "Qualification", "Value Proposition", "Negotiation/Review" };
		try (var deals = writer("Opportunity.csv"); var moves = writer("OpportunityHistory.csv")) {
			deals.write("Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate,IsClosed,"
					+ "IsWon,Description\n");
			moves.write("Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate\n");
			for (int o = 0; o < OPPORTUNITIES; o++) {
				var created = start.plus(Duration.ofMinutes(o));
				int kind = o % 10;
				int reached = 1 + o % 4;
				String stage = kind < 3 ? "Closed Won" : kind < 7 ? "Closed Lost" : open[reached - 1];
				var closeDay = created.plus(Duration.ofDays(40)).toString().substring(0, 10);
				deals.write("006O" + o + ",001A" + (o % accounts) + ",\"Deal " + o + ", renewal\"," + stage + ","
						+ (1000 + o % 50_000) + ".00,USD," + closeDay + ",005U" + (o % 20) + "," + created + ","
						+ (kind < 7) + "," + (kind < 3) + ",\n");
				for (int s = 0; s < reached; s++) {
					moves.write("017H" + history++ + ",006O" + o + "," + open[s] + ",," + closeDay + ","
							+ created.plus(Duration.ofDays(7L * s)) + "\n");
				}
				if (kind < 7) {
					moves.write("017H" + history++ + ",006O" + o + "," + stage + ",," + closeDay + ","
							+ created.plus(Duration.ofDays(39)) + "\n");
				}
			}
		}
		return history;
	}

	private static BufferedWriter writer(String name) throws IOException {
		return Files.newBufferedWriter(FILES.resolve(name), StandardCharsets.UTF_8);
	}

	private void copy(String file, int columns) throws Exception {
		var table = "bench_floor_" + UUID.randomUUID().toString().replace("-", "");
		var names = new ArrayList<String>();
		for (int c = 0; c < columns; c++) {
			names.add("c" + c + " TEXT");
		}
		try (var connection = this.dataSource.getConnection()) {
			connection.createStatement().execute("CREATE TABLE " + table + " (" + String.join(", ", names) + ")");
			try (Reader in = Files.newBufferedReader(FILES.resolve(file), StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", in);
			}
			connection.createStatement().execute("DROP TABLE " + table);
		}
	}

	private HttpResponse<String> upload(String token) throws Exception {
		var boundary = "bench" + UUID.randomUUID();
		var parts = new ArrayList<HttpRequest.BodyPublisher>();
		for (var name : List.of("Account", "User", "Opportunity", "OpportunityHistory")) {
			parts
				.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
						+ name + "\"; filename=\"" + name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"));
			parts.add(HttpRequest.BodyPublishers.ofFile(FILES.resolve(name + ".csv")));
			parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
		}
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
				+ "name=\"dryRun\"\r\n\r\nfalse\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
				+ "name=\"createUnknownOwners\"\r\n\r\ntrue\r\n--" + boundary + "--\r\n"));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/salesforce"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofHours(6))
			.POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The largest used heap seen while the import runs, sampled every 100 ms. */
	private static final class HeapSampler extends Thread {

		private volatile long max;

		HeapSampler() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (!isInterrupted()) {
				this.max = Math.max(this.max, memory.getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

	/** The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}). */
	private static String loadAverage() {
		try {
			var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.forEach(pool -> pool.resetPeakUsage());
	}

	/**
	 * The old generation's peak: what survived collections (the young generation's peak
	 * is only how full it got before one).
	 */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
