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

	String describe(String unit) {
		return "0 points at " + number(this.zeroAt) + " " + unit + (this.zeroAt > this.fullAt ? " or more" : " or less")
				+ ", full weight at " + number(this.fullAt) + " " + unit
				+ (this.zeroAt > this.fullAt ? " or less" : " or more") + ", linear between";
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
