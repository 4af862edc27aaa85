package com.trellis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One statement prepared on the benchmark's connection with the generic plan the ROI page
 * uses ({@code plan_cache_mode = force_generic_plan}), its parameters given as typed
 * literals ({@link RoiReinvestBenchData#values}); each {@link #run} is an
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of it whose execution time (ms) and the root's
 * shared buffers are kept. {@link #report} writes the minimum and median and the last
 * run's plan.
 */
final class Explained implements AutoCloseable {

	private final JdbcClient jdbc;

	private final String name;

	private final String execute;

	private final List<Double> times = new ArrayList<>();

	private List<String> plan = List.of();

	private String buffers = "";

	Explained(JdbcClient jdbc, String name, String text, Map<String, String> values) {
		this.jdbc = jdbc;
		this.name = name;
		jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
		jdbc.sql("PREPARE " + name + " ("
				+ String.join(", ", values.values().stream().map(v -> v.split(" ")[0]).toList()) + ") AS "
				+ RoiReinvestBenchData.positional(text, values.keySet()))
			.update();
		this.execute = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + name + "(" + String.join(", ", values.values()) + ")";
	}

	/** One run; its time kept when {@code kept} (not a warm-up). */
	void run(boolean kept) {
		this.plan = this.jdbc.sql(this.execute).query(String.class).list();
		for (var line : this.plan) {
			if (line.startsWith("Execution Time:") && kept) {
				this.times.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
			}
		}
		this.buffers = this.plan.stream().filter(l -> l.strip().startsWith("Buffers:")).findFirst().orElse("").strip();
	}

	void report(String title, StringBuilder out) {
		var sorted = this.times.stream().sorted().toList();
		out.append(String.format(Locale.ROOT, "### %s: %d runs, execution min %.1f / median %.1f ms; root %s%n", title,
				sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), this.buffers));
		out.append(String.format(Locale.ROOT, "    all: %s%n", this.times));
		this.plan.forEach(line -> out.append("    ").append(line).append('\n'));
	}

	@Override
	public void close() {
		this.jdbc.sql("DEALLOCATE " + this.name).update();
		this.jdbc.sql("RESET plan_cache_mode").update();
	}

}
