package com.trellis.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Quarterly performance rebate: a percentage of the quarter's partner closed-won revenue,
 * at the rate of the highest threshold the revenue reaches (the accelerators). Reaching a
 * threshold exactly counts.
 */
final class QuarterlyRebate {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private QuarterlyRebate() {
	}

	static Optional<Earned> earn(List<Tier> tiers, String period, BigDecimal revenue, String currency) {
		return Tier.reached(tiers, revenue).filter(tier -> tier.value().signum() > 0).map(tier -> {
			var amount = revenue.multiply(tier.value()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
			return new Earned("quarter:" + period + ":" + currency, null, period, amount, currency,
					"quarterly rebate " + period + ": " + tier.value().stripTrailingZeros().toPlainString() + "% of "
							+ currency + " " + revenue.toPlainString() + " (tier from "
							+ tier.threshold().toPlainString() + ")");
		});
	}

}
