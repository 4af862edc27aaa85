package com.trellis.scoring;

/**
 * Turns a signal's value into a share of its weight: 0 at {@code zeroAt} or worse, 1 at
 * {@code fullAt} or better, on a straight line between. When {@code zeroAt} is above
 * {@code fullAt}, lower values are better (hours to answer).
 */
record Ramp(double zeroAt, double fullAt) {

	Ramp {
		if (zeroAt == fullAt) {
			throw new IllegalArgumentException("A ramp needs two different ends");
		}
	}

	double share(double value) {
		double share = (value - this.zeroAt) / (this.fullAt - this.zeroAt);
		return Math.max(0, Math.min(1, share));
	}

	/**
	 * The learned weights' share: for a count (a ramp from 0 up), {@code 1 − e^(−value /
	 * fullAt)}, which keeps rising past the rubric's full point (0.63 there, 0.86 at
	 * twice it) so the model still tells a busy partner from a very busy one; for any
	 * other ramp the rubric's share.
	 */
	double learnedShare(double value) {
		if (this.zeroAt == 0 && this.fullAt > 0) {
			return 1 - Math.exp(-Math.max(0, value) / this.fullAt);
		}
		return share(value);
	}

	String describe(String unit) {
		return "0 points at " + number(this.zeroAt) + " " + unit + (this.zeroAt > this.fullAt ? " or more" : " or less")
				+ ", full weight at " + number(this.fullAt) + " " + unit
				+ (this.zeroAt > this.fullAt ? " or less" : " or more") + ", linear between";
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
