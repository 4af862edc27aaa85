package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.trellis.partners.Tier;
import com.trellis.shared.StoredFigures;

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
	 * The card as a reader in the locale reads it: the gap's sentence with its figures in
	 * the locale's notation ({@link StoredFigures} parts).
	 */
	public TierCard worded(Locale locale) {
		var worded = this.gap == null ? null : new Gap(this.gap.next(), this.gap.needs(), this.gap.weeksHeld(),
				this.gap.weeksToGo(), StoredFigures.render(this.gap.summary(), locale));
		return new TierCard(this.partnerId, this.partnerName, this.tier, this.tierLabel, this.since,
				this.overriddenUntil, this.fiscalWeek, this.readiness, this.behaviour, this.trust, worded);
	}

	/**
	 * One score short of the next tier: what it has, the threshold, the points missing.
	 */
	public record Need(String score, BigDecimal has, int threshold, BigDecimal points) {
	}

}
