package com.trellis.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.trellis.partners.Tier;
import com.trellis.shared.StoredFigures;

/**
 * What a partner needs for the next tier up: each score below that tier's threshold with
 * the points missing, and how many more weekly evaluations it must hold there.
 */
final class NextTierGap {

	private NextTierGap() {
	}

	/**
	 * @param current the partner's tier
	 * @param scores its latest readiness, behaviour, trust (null values: unknown)
	 * @param sinceLastChange the tier each weekly evaluation since its last change
	 * reached, oldest first
	 */
	static TierCard.Gap of(Tier current, BigDecimal[] scores, TierThresholds thresholds, List<Tier> sinceLastChange) {
		if (current == Tier.TIER_1_INVEST) {
			return new TierCard.Gap(null, List.of(), 0, 0,
					"Tier 1 is the highest tier. It is kept unless every one of " + thresholds.weeksHeld()
							+ " weekly evaluations in a row falls below " + thresholds.describe(current) + ".");
		}
		var next = Tier.values()[current.ordinal() - 1];
		var floor = thresholds.floor(next);
		var names = new String[] { "Readiness", "Behaviour", "Trust" };
		var needs = new ArrayList<TierCard.Need>();
		var unknown = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			if (scores[i] == null) {
				unknown.add(names[i].toLowerCase(java.util.Locale.ROOT));
				continue;
			}
			var missing = BigDecimal.valueOf(floor[i]).subtract(scores[i]);
			if (missing.signum() > 0) {
				needs.add(new TierCard.Need(names[i], scores[i], floor[i], missing));
			}
		}
		int held = 0;
		for (int i = sinceLastChange.size() - 1; i >= 0; i--) {
			var week = sinceLastChange.get(i);
			if (week == null || week.ordinal() > next.ordinal()) {
				break;
			}
			held++;
		}
		int weeks = Math.max(0, thresholds.weeksHeld() - held);
		String summary;
		if (!unknown.isEmpty()) {
			summary = "Your " + String.join(" and ", unknown) + " score is unknown; a tier moves only on known scores. "
					+ "For " + next.label() + ": " + thresholds.describe(next) + ", held for " + thresholds.weeksHeld()
					+ " weekly evaluations.";
		}
		else if (!needs.isEmpty()) {
			var parts = needs.stream()
				.map(n -> n.score() + " " + StoredFigures.signed(n.points()) + " points ("
						+ StoredFigures.number(n.has()) + " of " + StoredFigures.count(n.threshold()) + ")")
				.toList();
			summary = "For " + next.label() + ": " + String.join(", ", parts) + ", then hold it for "
					+ thresholds.weeksHeld() + " weekly evaluations in a row.";
		}
		else if (weeks > 0) {
			summary = "Your scores reach " + next.label() + ". Hold them for " + weeks + " more weekly evaluation"
					+ (weeks == 1 ? "" : "s") + ".";
		}
		else {
			summary = "Your scores have held " + next.label() + " long enough; the next weekly evaluation moves you.";
		}
		boolean reached = unknown.isEmpty() && needs.isEmpty();
		return new TierCard.Gap(next, needs, held, reached ? weeks : thresholds.weeksHeld(), summary);
	}

}
