package com.trellis.tiers;

import java.math.BigDecimal;

import com.trellis.partners.Tier;

/**
 * The admin's thresholds: the least readiness, behaviour and trust (0–100) for Tier 1 and
 * for Tier 2, and how many consecutive weekly evaluations a partner must hold above or
 * below them before it changes tier. Tier 3 is every partner below Tier 2.
 */
public record TierThresholds(int tier1Readiness, int tier1Behaviour, int tier1Trust, int tier2Readiness,
		int tier2Behaviour, int tier2Trust, int weeksHeld) {

	/**
	 * The least of each score for a tier: readiness, behaviour, trust; null for Tier 3.
	 */
	int[] floor(Tier tier) {
		return switch (tier) {
			case TIER_1_INVEST -> new int[] { this.tier1Readiness, this.tier1Behaviour, this.tier1Trust };
			case TIER_2_EMERGING -> new int[] { this.tier2Readiness, this.tier2Behaviour, this.tier2Trust };
			case TIER_3_BASELINE -> null;
		};
	}

	/** Whether three known scores reach a tier's floor. */
	boolean reaches(Tier tier, BigDecimal readiness, BigDecimal behaviour, BigDecimal trust) {
		var floor = floor(tier);
		return floor == null || (readiness.compareTo(BigDecimal.valueOf(floor[0])) >= 0
				&& behaviour.compareTo(BigDecimal.valueOf(floor[1])) >= 0
				&& trust.compareTo(BigDecimal.valueOf(floor[2])) >= 0);
	}

	/** "readiness ≥ 45, behaviour ≥ 55, trust ≥ 45". */
	String describe(Tier tier) {
		var floor = floor(tier);
		return floor == null ? "no floor"
				: "readiness ≥ %d, behaviour ≥ %d, trust ≥ %d".formatted(floor[0], floor[1], floor[2]);
	}

}
