package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.MinorUnits;

/**
 * Quarterly performance rebate: a percentage of the quarter's partner closed-won revenue,
 * at the rate of the highest threshold the revenue reaches (the accelerators). Reaching a
 * threshold exactly counts.
 */
final class QuarterlyRebate {

	private QuarterlyRebate() {
	}

	static Optional<Earned> earn(List<Tier> tiers, String period, BigDecimal revenue, String currency) {
		return Tier.reached(tiers, revenue).filter(tier -> tier.value().signum() > 0).map(tier -> {
			var amount = MinorUnits.percentOf(revenue, tier.value(), currency);
			return new Earned("quarter:" + period + ":" + currency, null, period, amount, currency,
					EarningBasis.rebate(period, tier.value(), revenue, tier.threshold(), currency));
		});
	}

}
