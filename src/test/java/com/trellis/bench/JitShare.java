package com.trellis.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT's compile time (all compiler threads, {@link CompilationMXBean}) over the wall
 * time since this was made: how much a benchmark phase overlapped the compiler's work. A
 * server that has run for a while has long compiled its hot paths, so the benchmarks
 * measure after this share has fallen.
 */
final class JitShare {

	/** The compile time per wall time under which the JIT counts as settled. */
	static final double SETTLED = 0.10;

	private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

	private final long compiledMillis = this.jit.getTotalCompilationTime();

	private final long began = System.nanoTime();

	/** The share since this was made (0.25: a quarter of the wall time compiling). */
	double end() {
		double wallMillis = (System.nanoTime() - this.began) / 1e6;
		return (this.jit.getTotalCompilationTime() - this.compiledMillis) / wallMillis;
	}

}
