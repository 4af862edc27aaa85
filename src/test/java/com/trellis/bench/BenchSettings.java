package com.trellis.bench;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a benchmark run measures, read from system properties ({@code -Dtrellis.bench.*}
 * on the Maven command line).
 *
 * @param size the demo size to load into an empty data folder: {@code large} (40k
 * partners, 2M deals, 20M events) or {@code default} (the counts under
 * {@code trellis.demo}); any other name also loads those counts, which can be set with
 * {@code -Dtrellis.demo.partners=…} and so on, in its own folder
 * @param dataDir the persistent folder of the embedded PostgreSQL; {@code data/bench} for
 * the large size, {@code data/bench-<size>} otherwise
 * @param clients concurrent HTTP clients (and raw-insert threads)
 * @param registrations registrations in the measured phase, over all clients
 * @param warmup registrations (and raw inserts) before the measured phase, 10,000 by
 * default: the JIT compiles the path's code for the first few thousand registrations (200
 * left it compiling through the measured phase)
 * @param settleMax registrations at most after the warm-up while waiting for the JIT to
 * settle, 30,000 by default ({@code trellis.bench.settle-max}; 0: none)
 * @param collisionShare the share of registrations naming an existing account
 * @param listRequests measured requests per list endpoint and viewer
 * @param seed seed of the request mix (customer names are unique per run regardless)
 * @param keep keep the registrations the run creates instead of deleting them
 */
record BenchSettings(String size, Path dataDir, int clients, int registrations, int warmup, int settleMax,
		double collisionShare, int listRequests, long seed, boolean keep) {

	static BenchSettings fromSystemProperties() {
		String size = System.getProperty("trellis.bench.size", "large").strip().toLowerCase();
		String defaultDir = "large".equals(size) ? "data/bench" : "data/bench-" + size;
		Path dataDir = Path.of(System.getProperty("trellis.bench.data-dir", defaultDir));
		int clients = positive("trellis.bench.clients", 8);
		int registrations = positive("trellis.bench.registrations", 2000);
		int warmup = Integer.getInteger("trellis.bench.warmup", 10_000);
		int settleMax = Integer.getInteger("trellis.bench.settle-max", 30_000);
		double collisionShare = Double.parseDouble(System.getProperty("trellis.bench.collision-share", "0.3"));
		if (warmup < 0 || settleMax < 0 || collisionShare < 0 || collisionShare > 1) {
			throw new IllegalArgumentException(
					"trellis.bench.warmup and settle-max must be >= 0 and collision-share in [0, 1]");
		}
		int listRequests = positive("trellis.bench.list-requests", 100);
		long seed = Long.getLong("trellis.bench.seed", 1L);
		boolean keep = Boolean.getBoolean("trellis.bench.keep");
		return new BenchSettings(size, dataDir, clients, registrations, warmup, settleMax, collisionShare, listRequests,
				seed, keep);
	}

	/**
	 * The settings every benchmark on the persistent demo shares: its data folder, kept
	 * between runs, the demo of this size, no expiry job or notice dispatch during the
	 * run, and the hygiene report's program-wide duplicate search not refreshed (at
	 * 100,000 accounts it would run every minute of the measurement).
	 */
	void registerDemoDatabase(DynamicPropertyRegistry registry) {
		registerDemoDatabase(registry, "24h");
	}

	/**
	 * The shared settings with the hygiene job run every {@code duplicatesRefresh} (its
	 * first run that long after the start). The registry keeps the last value added for a
	 * name: a benchmark that added its own refresh before the shared settings had it
	 * replaced by 24h, and the job never ran in its runs.
	 */
	void registerDemoDatabase(DynamicPropertyRegistry registry, String duplicatesRefresh) {
		registry.add("trellis.embedded-db.data-dir", () -> dataDir().toString());
		registry.add("trellis.embedded-db.ephemeral", () -> "false");
		registry.add("trellis.demo.enabled", () -> "true");
		registry.add("trellis.demo.size", this::size);
		registry.add("trellis.notify.dispatch-interval", () -> "24h");
		registry.add("trellis.registration.expiry-cron", () -> "-");
		registry.add("trellis.hygiene.duplicates-refresh", () -> duplicatesRefresh);
	}

	private static int positive(String name, int fallback) {
		int value = Integer.getInteger(name, fallback);
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1");
		}
		return value;
	}

}
