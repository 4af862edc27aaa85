package com.trellis.partners;

import com.trellis.shared.validation.FreeText;
import com.trellis.shared.validation.TextRule;

/**
 * Decides whether a partner may move from one lifecycle status to another, and says why
 * not.
 */
final class LifecycleTransition {

	private LifecycleTransition() {
	}

	static Decision decide(LifecycleStatus from, LifecycleStatus to, String reason) {
		if (to == null) {
			return Decision.refused("toStatus", "a target status is required");
		}
		if (reason == null || reason.isBlank()) {
			return Decision.refused("reason", "a reason is required for every lifecycle change");
		}
		var problem = TextRule.problem(reason, FreeText.NOTE, true);
		if (problem.isPresent()) {
			return Decision.refused("reason", problem.get());
		}
		if (from == to) {
			return Decision.refused("toStatus", "the partner is already " + to.label());
		}
		if (!from.canMoveTo(to)) {
			return Decision.refused("toStatus", "a partner cannot move from " + from.label() + " to " + to.label());
		}
		return new Decision(true, null, from.label() + " → " + to.label() + ": " + reason.strip());
	}

	record Decision(boolean allowed, String field, String reason) {

		static Decision refused(String field, String reason) {
			return new Decision(false, field, reason);
		}

	}

}
