package com.trellis.plans;

/**
 * Whether someone may tick an action of a plan they may read (mark it done, or open
 * again): the plan's writers any action to any status; a user of the plan's partner only
 * the actions its own side carries out, and only between open and done (dropping an
 * action is the plan owners' decision); nobody on a closed plan.
 */
final class ActionTick {

	private ActionTick() {
	}

	static Decision decide(boolean writesPlan, boolean partnerUser, PlanSide side, String planStatus, ActionStatus to) {
		if (!writesPlan && !partnerUser) {
			return Decision.refused(Refusal.ROLE, "only the plan's writers and the partner's own users tick actions");
		}
		if (!writesPlan && side != PlanSide.PARTNER) {
			return Decision.refused(Refusal.ROLE, "the partner ticks only the actions its own side carries out");
		}
		if (!"OPEN".equals(planStatus)) {
			return Decision.refused(Refusal.STATE, "the plan is closed; its actions stay as they were");
		}
		if (!writesPlan && to != ActionStatus.DONE && to != ActionStatus.OPEN) {
			return Decision.refused(Refusal.INPUT, "the partner marks an action done or open again");
		}
		return new Decision(null, "may tick");
	}

	/** Why a tick was refused: who asks, the plan's state, or what was asked. */
	enum Refusal {

		ROLE, STATE, INPUT

	}

	/** Refused (with the kind of refusal) or allowed, with the reason. */
	record Decision(Refusal refusal, String reason) {

		static Decision refused(Refusal refusal, String reason) {
			return new Decision(refusal, reason);
		}

		boolean allowed() {
			return this.refusal == null;
		}

	}

}
