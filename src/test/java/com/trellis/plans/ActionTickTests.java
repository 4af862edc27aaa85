package com.trellis.plans;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionTickTests {

	@Test
	void thePartnerTicksItsOwnSidesActionDoneOrOpenAgain() {
		assertThat(ActionTick.decide(false, true, PlanSide.PARTNER, "OPEN", ActionStatus.DONE).allowed()).isTrue();
		assertThat(ActionTick.decide(false, true, PlanSide.PARTNER, "OPEN", ActionStatus.OPEN).allowed()).isTrue();
	}

	@Test
	void thePartnerNeverTicksOurSidesActionNorDropsOne() {
		var ours = ActionTick.decide(false, true, PlanSide.VENDOR, "OPEN", ActionStatus.DONE);
		assertThat(ours.refusal()).isEqualTo(ActionTick.Refusal.ROLE);
		assertThat(ours.reason()).contains("its own side");
		assertThat(ActionTick.decide(false, true, PlanSide.PARTNER, "OPEN", ActionStatus.DROPPED).refusal())
			.isEqualTo(ActionTick.Refusal.INPUT);
	}

	@Test
	void thePlansWritersTickAnyActionToAnyStatus() {
		assertThat(ActionTick.decide(true, false, PlanSide.PARTNER, "OPEN", ActionStatus.DROPPED).allowed()).isTrue();
		assertThat(ActionTick.decide(true, false, PlanSide.VENDOR, "OPEN", ActionStatus.DONE).allowed()).isTrue();
	}

	@Test
	void nobodyTicksOnAClosedPlanAndReadersWhoAreNeitherNeverTick() {
		assertThat(ActionTick.decide(true, false, PlanSide.VENDOR, "CLOSED", ActionStatus.DONE).refusal())
			.isEqualTo(ActionTick.Refusal.STATE);
		assertThat(ActionTick.decide(false, false, PlanSide.VENDOR, "OPEN", ActionStatus.DONE).refusal())
			.isEqualTo(ActionTick.Refusal.ROLE);
	}

}
