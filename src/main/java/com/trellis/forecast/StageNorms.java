package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Picks the time-in-stage norm: the median days closed deals of the deal's own group
 * (partner deals of its tier, or direct deals) spent in the stage when that group has
 * enough closed history, else the median of the coarser group (all partner deals), else
 * the stage norm configured in the sales process, saying which it used.
 */
final class StageNorms {

	static final int MIN_HISTORY = 30;

	private StageNorms() {
	}

	static Norm choose(Stats fine, Stats coarse, int configuredDays) {
		if (fine != null && fine.deals() >= MIN_HISTORY) {
			return new Norm(fine.days(), "median of " + fine.deals() + " closed deals of the same group");
		}
		if (coarse != null && coarse.deals() >= MIN_HISTORY) {
			return new Norm(coarse.days(), "only " + (fine == null ? 0 : fine.deals())
					+ " closed deals in its group; median of " + coarse.deals() + " in the wider group");
		}
		return new Norm(configuredDays, "too little history; configured stage norm");
	}

	/**
	 * How many closed deals spent time in a stage, and the median of their days there.
	 */
	record Stats(long deals, BigDecimal medianDays) {

		/** The median rounded half-up to whole days. */
		int days() {
			return this.medianDays.setScale(0, RoundingMode.HALF_UP).intValueExact();
		}

	}

	/** Days a deal is expected to spend in a stage, and what that was learned from. */
	record Norm(int days, String basis) {
	}

}
