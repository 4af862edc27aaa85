package com.trellis.tiers;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.partners.Tier;
import com.trellis.shared.StoredFigures;

/**
 * Decides a partner's tier from its weekly evaluations, with hysteresis: a partner moves
 * only when each of the last {@code weeksHeld} evaluations since its last change put it
 * above its tier (it then moves to the lowest tier those weeks all reached) or each put
 * it below (to the highest tier those weeks reached). A week with an unknown score never
 * moves a tier and breaks a run.
 */
final class TierRule {

	private TierRule() {
	}

	/** The tier one week's scores reach; {@code tier} null when a score is unknown. */
	record Qualification(Tier tier, String reason) {
	}

	/** The tier after an evaluation, whether it moved, and why. */
	record Decision(Tier tier, boolean moves, String reason) {
	}

	static Qualification qualify(BigDecimal readiness, BigDecimal behaviour, BigDecimal trust,
			TierThresholds thresholds) {
		if (readiness == null || behaviour == null || trust == null) {
			var unknown = new java.util.ArrayList<String>();
			if (readiness == null) {
				unknown.add("readiness");
			}
			if (behaviour == null) {
				unknown.add("behaviour");
			}
			if (trust == null) {
				unknown.add("trust");
			}
			return new Qualification(null, String.join(", ", unknown) + " unknown");
		}
		for (var tier : Tier.values()) {
			if (thresholds.reaches(tier, readiness, behaviour, trust)) {
				return new Qualification(tier,
						"readiness " + StoredFigures.number(readiness) + ", behaviour "
								+ StoredFigures.number(behaviour) + ", trust " + StoredFigures.number(trust) + " reach "
								+ tier.label() + " (" + thresholds.describe(tier) + ")");
			}
		}
		throw new IllegalStateException("Tier 3 has no floor");
	}

	/**
	 * @param current the partner's tier now
	 * @param sinceLastChange the tier each weekly evaluation since the partner's last
	 * change reached, oldest first (null: a score was unknown that week)
	 * @param weeksHeld how many consecutive evaluations a move needs
	 */
	static Decision decide(Tier current, List<Tier> sinceLastChange, int weeksHeld) {
		if (sinceLastChange.size() < weeksHeld) {
			return new Decision(current, false, "%d of the %d weekly evaluations a move needs since the last change"
				.formatted(sinceLastChange.size(), weeksHeld));
		}
		var window = sinceLastChange.subList(sinceLastChange.size() - weeksHeld, sinceLastChange.size());
		if (window.stream().anyMatch(java.util.Objects::isNull)) {
			return new Decision(current, false,
					"a score was unknown in the last %d weekly evaluations; unknown scores never move a tier"
						.formatted(weeksHeld));
		}
		boolean allAbove = window.stream().allMatch(t -> t.ordinal() < current.ordinal());
		boolean allBelow = window.stream().allMatch(t -> t.ordinal() > current.ordinal());
		if (allAbove) {
			var to = window.stream().max(Enum::compareTo).orElseThrow();
			return new Decision(to, true, "held the %s thresholds or above for %d consecutive weekly evaluations"
				.formatted(to.label(), weeksHeld));
		}
		if (allBelow) {
			var to = window.stream().min(Enum::compareTo).orElseThrow();
			return new Decision(to, true, "below the %s thresholds for %d consecutive weekly evaluations"
				.formatted(current.label(), weeksHeld));
		}
		return new Decision(current, false,
				"not above or below %s for %d consecutive weekly evaluations".formatted(current.label(), weeksHeld));
	}

}
