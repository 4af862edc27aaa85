package com.trellis.demo;

import java.util.SplittableRandom;

/**
 * Seeded randomness. Every entity draws from its own stream, derived from the seed, a
 * stream number and its id, so it can be regenerated on its own and the data never
 * depends on the order things are asked for.
 */
final class Randoms {

	static final int USERS = 1;

	static final int PARTNERS = 2;

	static final int PARTNER_USERS = 3;

	static final int ACCOUNTS = 4;

	static final int OPPORTUNITIES = 5;

	static final int EVENTS = 6;

	static final int TIERS = 7;

	static final int EVENT_RATES = 8;

	static final int LEADS = 9;

	static final int COSELL = 10;

	static final int ATTACHMENTS = 11;

	private Randoms() {
	}

	static SplittableRandom of(long seed, int stream, long id) {
		return new SplittableRandom(mix(mix(seed * 0x9E3779B97F4A7C15L + stream) + id));
	}

	/** SplitMix64's finaliser. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	/** A standard normal draw (Box–Muller), stable across JDK versions. */
	static double gaussian(SplittableRandom random) {
		double u = 1.0 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** An index drawn with the given (not necessarily normalised) weights. */
	static int weighted(SplittableRandom random, double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double x = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	/** Uniform in [min, max). */
	static long between(SplittableRandom random, long min, long max) {
		return (max <= min) ? min : min + random.nextLong(max - min);
	}

}
