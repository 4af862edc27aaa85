package com.trellis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used during a benchmark phase, read from Linux's {@code /proc} before and
 * after it: this JVM's threads grouped by name (the server's request threads, the
 * benchmark's client threads, the JIT compilers, the garbage collector...) and the
 * embedded PostgreSQL's processes (the postmaster of the data folder and its children,
 * grouped by kind: client backends, autovacuum, WAL writer...; children that exited
 * during the phase count in the postmaster's reaped-children time). Figures are in
 * milliseconds of CPU at the kernel's clock tick (10 ms); on another OS the report says
 * it has none.
 */
final class ProcessCpu {

	private static final double MILLIS_PER_TICK = 10.0;

	private final Path dataDir;

	private final Map<String, Long> before;

	private final long began = System.nanoTime();

	ProcessCpu(Path dataDir) {
		this.dataDir = dataDir;
		this.before = snapshot();
	}

	/** The CPU per group since construction, per unit of work, busiest first. */
	String report(String unit, long units) {
		var after = snapshot();
		double wallMillis = (System.nanoTime() - this.began) / 1e6;
		var out = new StringBuilder();
		if (after.isEmpty()) {
			return "CPU by process: no /proc on this system\n";
		}
		var spent = since(after);
		long jvm = sum(spent, "jvm ");
		long postgres = sum(spent, "postgres ");
		out.append(String.format(Locale.ROOT,
				"CPU by process in the measured phase (/proc, %.1f s wall; ms of CPU per %s, and cores busy)%n",
				wallMillis / 1000, unit));
		out.append(String.format(Locale.ROOT, "  %-44s %9.2f  %5.2f cores%n", "JVM (server and benchmark clients)",
				jvm * MILLIS_PER_TICK / units, jvm * MILLIS_PER_TICK / wallMillis));
		out.append(String.format(Locale.ROOT, "  %-44s %9.2f  %5.2f cores%n", "PostgreSQL (every process)",
				postgres * MILLIS_PER_TICK / units, postgres * MILLIS_PER_TICK / wallMillis));
		spent.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.forEach(e -> out.append(String.format(Locale.ROOT, "    %-42s %9.2f%n", e.getKey(),
					e.getValue() * MILLIS_PER_TICK / units)));
		return out.toString();
	}

	/**
	 * The JIT compiler threads' CPU over all CPU since construction (this JVM's and
	 * PostgreSQL's): 0.2 when a fifth of the work done was compiling; 0 without
	 * {@code /proc}.
	 */
	double compilerShare() {
		var spent = since(snapshot());
		long all = sum(spent, "jvm ") + sum(spent, "postgres ");
		long compiling = spent.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("jvm ") && e.getKey().contains("CompilerThre"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		return all == 0 ? 0 : (double) compiling / all;
	}

	/** The ticks of each group from construction to {@code after}. */
	private Map<String, Long> since(Map<String, Long> after) {
		var spent = new TreeMap<String, Long>();
		after.forEach((group, ticks) -> spent.put(group, ticks - this.before.getOrDefault(group, 0L)));
		return spent;
	}

	private static long sum(Map<String, Long> spent, String prefix) {
		return spent.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private Map<String, Long> snapshot() {
		var groups = new LinkedHashMap<String, Long>();
		try {
			try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
				tasks.forEach(task -> {
					var stat = stat(task.resolve("stat"));
					if (stat != null) {
						groups.merge("jvm " + threadGroup(stat[0]), Long.parseLong(stat[13]) + Long.parseLong(stat[14]),
								Long::sum);
					}
				});
			}
			long postmaster = postmaster();
			if (postmaster > 0) {
				var own = stat(Path.of("/proc", Long.toString(postmaster), "stat"));
				if (own != null) {
					groups.merge("postgres postmaster", Long.parseLong(own[13]) + Long.parseLong(own[14]), Long::sum);
					groups.merge("postgres exited children", Long.parseLong(own[15]) + Long.parseLong(own[16]),
							Long::sum);
				}
				try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
					processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
						.forEach(p -> {
							var stat = stat(p.resolve("stat"));
							if (stat != null && Long.parseLong(stat[3]) == postmaster) {
								groups.merge("postgres " + processKind(p),
										Long.parseLong(stat[13]) + Long.parseLong(stat[14]), Long::sum);
							}
						});
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		return groups;
	}

	private long postmaster() {
		try {
			var lines = Files.readAllLines(this.dataDir.toAbsolutePath().resolve("postmaster.pid"));
			return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The fields of a {@code stat} file: the name (field 2, in parentheses, may hold
	 * spaces) at index 0, and from index 2 on the fields after it, so that index
	 * {@code i} is field {@code i + 1} of proc(5): 3 the parent, 13 and 14 the user and
	 * system time, 15 and 16 those of the reaped children.
	 */
	private static String[] stat(Path file) {
		try {
			var text = Files.readString(file);
			int open = text.indexOf('(');
			int close = text.lastIndexOf(')');
			var rest = text.substring(close + 2).split(" ");
			var fields = new String[rest.length + 2];
			fields[0] = text.substring(open + 1, close);
			fields[1] = "";
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String threadGroup(String name) {
		var group = name.replaceAll("[-#_ ]?[0-9]+$", "").replaceAll("[-#_ ]?[0-9]+[-#_ ]", " ");
		return group.isBlank() ? name : group.strip();
	}

	private static String processKind(Path process) {
		try {
			var command = Files.readString(process.resolve("cmdline")).replace('\0', ' ').strip();
			if (!command.startsWith("postgres: ")) {
				return command;
			}
			var title = command.substring("postgres: ".length());
			if (title.matches("\\S+ \\S+ (127\\.0\\.0\\.1|\\[local\\]|::1|localhost).*")) {
				return "client backends";
			}
			return title.replaceAll("[0-9]+", "").strip();
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
