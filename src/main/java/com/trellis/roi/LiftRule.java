package com.trellis.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.StoredFigures;

/**
 * Lift: how much better a partner's closed deals win than the vendor's direct deals in
 * the same segments (the account's industry). The baseline is the direct win rate of each
 * of the partner's closed deals' industry, averaged over those deals (so it follows the
 * partner's mix); lift is the partner's win rate minus that baseline, in percentage
 * points. Deals in an industry without direct closed deals are not comparable and left
 * out of both. Below {@link #MIN_DEALS} comparable deals there is no lift, with the
 * reason.
 */
final class LiftRule {

	static final int MIN_DEALS = 5;

	private LiftRule() {
	}

	/**
	 * @param comparable the partner's closed deals in industries with a direct baseline
	 * @param won how many of those were won
	 * @param expectedWon the sum over those deals of their industry's direct win rate
	 */
	static Lift of(long comparable, long won, BigDecimal expectedWon) {
		if (comparable < MIN_DEALS) {
			return new Lift(null, null, null, comparable,
					StoredFigures.count(comparable) + " comparable closed deals, fewer than " + MIN_DEALS
							+ ": not enough to compare with the direct baseline");
		}
		var n = BigDecimal.valueOf(comparable);
		var rate = BigDecimal.valueOf(won).multiply(BigDecimal.valueOf(100)).divide(n, 1, RoundingMode.HALF_EVEN);
		var baseline = expectedWon.multiply(BigDecimal.valueOf(100)).divide(n, 1, RoundingMode.HALF_EVEN);
		var points = BigDecimal.valueOf(won)
			.subtract(expectedWon)
			.multiply(BigDecimal.valueOf(100))
			.divide(n, 1, RoundingMode.HALF_EVEN);
		return new Lift(points, rate, baseline, comparable,
				"won " + StoredFigures.count(won) + " of " + StoredFigures.count(comparable)
						+ " comparable closed deals (" + StoredFigures.percent(rate) + ") against a direct baseline of "
						+ StoredFigures.percent(baseline) + " in the same industries");
	}

	/**
	 * @param points the lift in percentage points, null when there is not enough data
	 * @param winRate the partner's win rate on comparable deals in percent
	 * @param baseline the direct win rate of the same mix in percent
	 * @param deals the comparable closed deals
	 * @param reason why, in words, its figures as {@link StoredFigures} parts
	 */
	record Lift(BigDecimal points, BigDecimal winRate, BigDecimal baseline, long deals, String reason) {
	}

}
