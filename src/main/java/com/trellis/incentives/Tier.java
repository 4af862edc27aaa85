package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A threshold and what reaching it gives (a rate in percent, or a fund amount).
 */
record Tier(BigDecimal threshold, BigDecimal value) {

	/** The highest tier whose threshold the amount reaches, if any. */
	static Optional<Tier> reached(List<Tier> tiers, BigDecimal amount) {
		return tiers.stream()
			.filter(tier -> amount.compareTo(tier.threshold()) >= 0)
			.max(Comparator.comparing(Tier::threshold));
	}

}
