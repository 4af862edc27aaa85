package com.trellis.guidance;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

import com.trellis.activation.ActivationPlanView;
import com.trellis.shared.StoredFigures;
import com.trellis.tiers.TierCard;

/**
 * A partner's rules: what its next tier still needs, and the next milestone of its
 * activation plan.
 */
final class PartnerRules {

	private PartnerRules() {
	}

	/** Each score short of the next tier with the points missing; none at the top. */
	static Optional<Advice> tierGap(TierCard card) {
		var gap = card.gap();
		if (gap == null || gap.next() == null || gap.needs().isEmpty()) {
			return Optional.empty();
		}
		var needs = gap.needs()
			.stream()
			.map(n -> n.score() + " " + StoredFigures.number(n.has()) + " of " + StoredFigures.count(n.threshold())
					+ " needed (" + StoredFigures.number(n.points()) + " points short)")
			.collect(Collectors.joining("; "));
		return Optional.of(new Advice(Kind.TIER_GAP, "partner:" + card.partnerId() + ":" + gap.next(), card.partnerId(),
				"Close the gap to " + gap.next().label(), "Your scores of " + card.fiscalWeek() + " against "
						+ gap.next().label() + ": " + needs + ". " + gap.summary(),
				"See your tier card", "/partners/" + card.partnerId() + "/tier"));
	}

	/** The open milestone due first; none once every milestone is complete. */
	static Optional<Advice> nextMilestone(ActivationPlanView plan) {
		return plan.milestones()
			.stream()
			.filter(m -> m.completedAt() == null)
			.min(Comparator.comparing(ActivationPlanView.Milestone::dueOn).thenComparing(m -> m.code()))
			.map(m -> new Advice(Kind.ACTIVATION_MILESTONE, "partner:" + plan.partnerId() + ":" + m.code(),
					plan.partnerId(), "Complete \"" + StoredFigures.text(m.name()) + "\" by " + m.dueOn(),
					"The next milestone of your activation plan, day " + plan.daysSinceOnboarding()
							+ " since onboarding; due " + m.dueOn() + (m.overdue() ? ", already overdue" : "")
							+ (m.automatic() ? ", completed by itself once the records show it" : "") + ".",
					"Open the activation plan", "/partners/" + plan.partnerId() + "/activation"));
	}

}
