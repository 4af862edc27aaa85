package com.trellis.marketplace;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.StoredFigures;

/**
 * The trend of a partner's marketplace sales: the amount of the last 90 days against the
 * 90 days before, in percent (one decimal, half-even; by the number of transactions when
 * the earlier amount is zero). A change, as shown (to one decimal), of
 * {@value #THRESHOLD} % or more either way is rising or falling, anything less steady;
 * sales in the last 90 days only are new, in the earlier 90 only stopped, in neither
 * none. Amounts are in the reporting currency.
 */
final class MarketplaceTrend {

	/** The change in percent that counts as rising or falling. */
	static final int THRESHOLD = 20;

	private MarketplaceTrend() {
	}

	enum Trend {

		RISING, NEW, STEADY, FALLING, STOPPED, NONE

	}

	/**
	 * @param trend the trend
	 * @param changePercent the change in percent; null when there is nothing to compare
	 * @param reason in words, its figures as {@link StoredFigures} parts
	 */
	record Verdict(Trend trend, BigDecimal changePercent, String reason) {
	}

	static Verdict of(long recent, BigDecimal recentAmount, long earlier, BigDecimal earlierAmount, String currency) {
		if (recent == 0 && earlier == 0) {
			return new Verdict(Trend.NONE, null, "no marketplace transactions in the last 180 days");
		}
		var now = StoredFigures.count(recent) + " transactions for " + StoredFigures.money(recentAmount, currency)
				+ " in the last 90 days";
		var before = StoredFigures.count(earlier) + " for " + StoredFigures.money(earlierAmount, currency)
				+ " in the 90 days before";
		if (earlier == 0) {
			return new Verdict(Trend.NEW, null, now + ", none in the 90 days before");
		}
		if (recent == 0) {
			return new Verdict(Trend.STOPPED, new BigDecimal("-100.0"),
					"no transactions in the last 90 days against " + before);
		}
		var byAmount = earlierAmount.signum() > 0;
		var change = byAmount ? change(recentAmount, earlierAmount)
				: change(BigDecimal.valueOf(recent), BigDecimal.valueOf(earlier));
		var trend = change.compareTo(BigDecimal.valueOf(THRESHOLD)) >= 0 ? Trend.RISING
				: change.compareTo(BigDecimal.valueOf(-THRESHOLD)) <= 0 ? Trend.FALLING : Trend.STEADY;
		return new Verdict(trend, change,
				now + " against " + before + ": "
						+ (change.signum() > 0 ? StoredFigures.signed(change) : StoredFigures.number(change)) + " % by "
						+ (byAmount ? "amount" : "number of transactions"));
	}

	private static BigDecimal change(BigDecimal recent, BigDecimal earlier) {
		return recent.subtract(earlier).multiply(BigDecimal.valueOf(100)).divide(earlier, 1, RoundingMode.HALF_EVEN);
	}

}
