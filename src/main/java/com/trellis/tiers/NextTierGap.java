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
		return of(current, scores, thresholds, sinceLastChange, null, true);
	}

	/**
	 * As above for a partner whose tier an admin override holds until {@code heldUntil}
	 * (null: none): the sentence says so first, as evaluations keep the tier until then
	 * (s55: the card said the next evaluation would move it, or that a tier 1 partner
	 * kept it only while its scores held). {@code toPartner}: the sentence is read by the
	 * partner's own user ("Your scores reach …", "moves you"); vendor staff read it of
	 * the partner ("The partner's scores reach …", "moves it").
	 */
	static TierCard.Gap of(Tier current, BigDecimal[] scores, TierThresholds thresholds, List<Tier> sinceLastChange,
			java.time.LocalDate heldUntil, boolean toPartner) {
		var gap = scored(current, scores, thresholds, sinceLastChange, heldUntil != null, toPartner);
		return heldUntil == null ? gap
				: new TierCard.Gap(gap.next(), gap.needs(), gap.weeksHeld(), gap.weeksToGo(),
						"An override holds " + current.label() + " until " + heldUntil
								+ "; from then the weekly evaluations decide again. " + gap.summary());
	}

	private static TierCard.Gap scored(Tier current, BigDecimal[] scores, TierThresholds thresholds,
			List<Tier> sinceLastChange, boolean overridden, boolean toPartner) {
		var whose = toPartner ? "Your " : "The partner's ";
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
			summary = whose + namesInASentence(unknown) + (unknown.size() == 1 ? " score is" : " scores are")
					+ " unknown; a tier moves only on known scores. " + "For " + next.label() + ": "
					+ thresholds.describe(next) + ", held for " + thresholds.weeksHeld() + " weekly evaluations.";
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
			summary = whose + "scores reach " + next.label()
					+ (toPartner ? ". Hold them for " : ". They must hold for ") + weeks + " more weekly evaluation"
					+ (weeks == 1 ? "" : "s") + ".";
		}
		else {
			var moved = toPartner ? "you." : "it.";
			summary = whose + "scores have held " + next.label() + " long enough; "
					+ (overridden ? "the first one after it moves " : "the next weekly evaluation moves ") + moved;
		}
		boolean reached = unknown.isEmpty() && needs.isEmpty();
		return new TierCard.Gap(next, needs, held, reached ? weeks : thresholds.weeksHeld(), summary);
	}

	/** "readiness", "readiness and trust", "readiness, behaviour and trust". */
	static String namesInASentence(List<String> names) {
		if (names.size() < 2) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
