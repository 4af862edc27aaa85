package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.trellis.partners.Tier;

/**
 * A partner's tier as the partner (and vendor staff) see it: since when, an override in
 * force, the latest scores and exactly what the next tier needs.
 *
 * @param since the day the current tier took effect, or null when never changed here
 * @param overriddenUntil the day an admin override in force ends, or null
 * @param fiscalWeek the week the latest scores are from, or null when never scored
 */
public record TierCard(long partnerId, String partnerName, Tier tier, String tierLabel, LocalDate since,
		LocalDate overriddenUntil, String fiscalWeek, BigDecimal readiness, BigDecimal behaviour, BigDecimal trust,
		Gap gap) {

	/**
	 * @param next the tier above, or null at Tier 1
	 * @param needs each score below the next tier's threshold
	 * @param weeksHeld consecutive weekly evaluations (latest last) that reached the next
	 * tier
	 * @param weeksToGo weekly evaluations still to hold once the scores are there
	 * @param summary one sentence for the partner
	 */
	public record Gap(Tier next, List<Need> needs, int weeksHeld, int weeksToGo, String summary) {
	}

	/**
	 * One score short of the next tier: what it has, the threshold, the points missing.
	 */
	public record Need(String score, BigDecimal has, int threshold, BigDecimal points) {
	}

}
