package com.trellis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * Concurrent API requests for the reporting benchmark: {@code clients} threads, each
 * sending {@code requests} GETs with bearer tokens, alternating between callers (an
 * admin, whose PAM id is null, and PAMs asking for their own book). Latencies in
 * nanoseconds; any answer but 200 fails the run.
 */
final class ApiLoad {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int port;

	private final int clients;

	private final int requests;

	/**
	 * The benchmark's PostgreSQL data folder, to tell its processes ({@link ProcessCpu}).
	 */
	private final Path dataDir;

	/** Unmeasured runs at most before each measured load. */
	static final int SETTLING_RUNS = 8;

	private final Map<String, List<String>> settling = new LinkedHashMap<>();

	ApiLoad(int port, int clients, int requests, Path dataDir) {
		this.port = port;
		this.dataDir = dataDir;
		this.clients = clients;
		this.requests = requests;
	}

	/**
	 * Unmeasured runs of the same load until the JIT settles ({@link #settle}), then the
	 * measured run: [0] the admin's requests of {@code path}, [1] the PAMs' requests of
	 * {@code path + pamQuery + their id}.
	 */
	Samples[] concurrent(List<String[]> callers, String path, String pamQuery) throws Exception {
		settle(callers, path, pamQuery);
		return run(callers, path, pamQuery);
	}

	/**
	 * Runs of the same load, unmeasured, until the JIT compiler threads use under
	 * {@value JitShare#SETTLED} of the CPU the JVM and PostgreSQL use in a run
	 * ({@link ProcessCpu#compilerShare}; a compile's wall time counts the time its thread
	 * waits for a core, so on two busy cores it overstates the compiler's work), at most
	 * {@value #SETTLING_RUNS} runs: a server that has answered these requests all quarter
	 * has long compiled their code, and a measured run that overlaps the compiler's wave
	 * measures the compiler (the first of these loads in a benchmark JVM compiles the
	 * HTTP stack too). The shares are kept for {@link #settling()}.
	 */
	private void settle(List<String[]> callers, String path, String pamQuery) throws Exception {
		var shares = new ArrayList<String>();
		for (int i = 0; i < SETTLING_RUNS; i++) {
			var cpu = new ProcessCpu(this.dataDir);
			run(callers, path, pamQuery);
			double share = cpu.compilerShare();
			shares.add(String.format(Locale.ROOT, "%.0f%%", share * 100));
			if (share < JitShare.SETTLED) {
				break;
			}
		}
		this.settling.put(path, shares);
	}

	/** Each load's settling runs: the compiler threads' share of each run's CPU. */
	String settling() {
		var out = new StringBuilder(String.format(Locale.ROOT,
				"JIT settling before each measured load (the compiler threads' share of the JVM's and PostgreSQL's CPU per run, settled under %.0f%%):%n",
				JitShare.SETTLED * 100));
		this.settling.forEach((path, shares) -> out.append("  ").append(path).append(' ').append(shares).append('\n'));
		return out.toString();
	}

	private Samples[] run(List<String[]> callers, String path, String pamQuery) throws Exception {
		var tasks = new ArrayList<Callable<long[][]>>();
		for (int c = 0; c < this.clients; c++) {
			int client = c;
			tasks.add(() -> {
				long[] program = new long[this.requests];
				long[] book = new long[this.requests];
				int programs = 0;
				int books = 0;
				for (int i = 0; i < this.requests; i++) {
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
				return new long[][] { Arrays.copyOf(program, programs), Arrays.copyOf(book, books) };
			});
		}
		var pool = Executors.newFixedThreadPool(this.clients);
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

	/** One GET with the token; fails unless it answers 200. */
	void get(String path, String token) throws Exception {
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

}
