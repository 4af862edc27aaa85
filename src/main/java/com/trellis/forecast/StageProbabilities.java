package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Picks the probability to win from a stage: the deal's own group (partner deals of its
 * tier, or direct deals) when that group has enough closed history, else the coarser
 * group (all partner deals), else the configured default, saying which it used.
 */
final class StageProbabilities {

	static final int MIN_HISTORY = 30;

	private StageProbabilities() {
	}

	static Estimate choose(String stage, Counts fine, Counts coarse, Map<String, BigDecimal> defaults) {
		if (fine != null && fine.closed() >= MIN_HISTORY) {
			return new Estimate(fine.rate(), "learned from " + fine.closed() + " closed deals of the same group");
		}
		if (coarse != null && coarse.closed() >= MIN_HISTORY) {
			return new Estimate(coarse.rate(), "only " + (fine == null ? 0 : fine.closed())
					+ " closed deals in its group; learned from " + coarse.closed() + " in the wider group");
		}
		return new Estimate(defaults.getOrDefault(stage, BigDecimal.ZERO),
				"too little history; configured default for the stage");
	}

	/** How many deals that passed a stage closed, and how many of those were won. */
	record Counts(long closed, long won) {

		BigDecimal rate() {
			return this.closed == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(this.won).divide(BigDecimal.valueOf(this.closed), 4, RoundingMode.HALF_UP);
		}

	}

	record Estimate(BigDecimal probability, String basis) {
	}

}
