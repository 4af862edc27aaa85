package com.trellis.scoring;

/**
 * Rounds exact point values to tenths so that they add up to their rounded total exactly:
 * each is rounded down and the tenths left over go to the largest remainders. Works for
 * negative values too.
 */
final class Tenths {

	private Tenths() {
	}

	/** The tenths of each exact value (in points); they add up to round(sum × 10). */
	static long[] split(double[] points) {
		long[] tenths = new long[points.length];
		double[] remainders = new double[points.length];
		double exactTotal = 0;
		long given = 0;
		for (int i = 0; i < points.length; i++) {
			double exact = points[i] * 10;
			tenths[i] = (long) Math.floor(exact + 1e-9);
			remainders[i] = exact - tenths[i];
			exactTotal += exact;
			given += tenths[i];
		}
		long total = Math.round(exactTotal);
		while (given < total) {
			int largest = 0;
			for (int i = 1; i < points.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			tenths[largest]++;
			remainders[largest] = -1;
			given++;
		}
		return tenths;
	}

}
