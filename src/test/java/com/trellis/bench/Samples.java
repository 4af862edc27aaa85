package com.trellis.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one measured phase (in nanoseconds) and its wall-clock time.
 */
final class Samples {

	private final long[] sorted;

	private final long wallNanos;

	Samples(long[] latencies, long wallNanos) {
		this.sorted = latencies.clone();
		Arrays.sort(this.sorted);
		this.wallNanos = wallNanos;
	}

	static Samples merge(List<long[]> perClient, long wallNanos) {
		int total = perClient.stream().mapToInt(a -> a.length).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] part : perClient) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return new Samples(all, wallNanos);
	}

	int count() {
		return this.sorted.length;
	}

	/** Operations per second over the phase's wall-clock time. */
	double perSecond() {
		return this.wallNanos == 0 ? 0 : this.sorted.length * 1e9 / this.wallNanos;
	}

	/** The nearest-rank percentile in milliseconds, e.g. {@code percentile(0.99)}. */
	double percentileMillis(double quantile) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(quantile * this.sorted.length);
		return this.sorted[Math.min(Math.max(rank, 1), this.sorted.length) - 1] / 1e6;
	}

	double maxMillis() {
		return this.sorted.length == 0 ? Double.NaN : this.sorted[this.sorted.length - 1] / 1e6;
	}

	double wallSeconds() {
		return this.wallNanos / 1e9;
	}

}
