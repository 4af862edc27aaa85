package com.trellis.cohorts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyPlacementTests {

	private static final List<JourneyPlacement.Criteria> DEFAULTS = List.of(
			new JourneyPlacement.Criteria(JourneyStage.ACCELERATION, 1, 2, 2, 1),
			new JourneyPlacement.Criteria(JourneyStage.AWARENESS, 0, 0, 0, 0),
			new JourneyPlacement.Criteria(JourneyStage.ACTIVATION, 1, 1, 0, 0));

	@Test
	void aPartnerWithoutTrainingOrDealsIsInAwarenessAndToldWhatActivationNeeds() {
		var placement = JourneyPlacement.place(new JourneyPlacement.Facts(0, 3, 0, 0), DEFAULTS);
		assertThat(placement.stage()).isEqualTo(JourneyStage.AWARENESS);
		assertThat(placement.reason()).endsWith("activation needs 0 of 1 completions in 180 days");
	}

	@Test
	void trainingAndADealMakeActivation() {
		var placement = JourneyPlacement.place(new JourneyPlacement.Facts(2, 1, 0, 0), DEFAULTS);
		assertThat(placement.stage()).isEqualTo(JourneyStage.ACTIVATION);
		assertThat(placement.reason()).contains("acceleration needs 1 of 2 deals in 180 days, 0 of 2 wins in 365 days");
	}

	@Test
	void winsAndAnAeInvitationOnTopOfActivationMakeAcceleration() {
		var placement = JourneyPlacement.place(new JourneyPlacement.Facts(1, 4, 2, 1), DEFAULTS);
		assertThat(placement.stage()).isEqualTo(JourneyStage.ACCELERATION);
		assertThat(placement.reason()).doesNotContain("needs");
	}

	@Test
	void aPartnerDoesNotSkipActivation() {
		var criteria = List.of(new JourneyPlacement.Criteria(JourneyStage.ACTIVATION, 5, 0, 0, 0),
				new JourneyPlacement.Criteria(JourneyStage.ACCELERATION, 0, 0, 1, 0));
		var placement = JourneyPlacement.place(new JourneyPlacement.Facts(0, 0, 9, 9), criteria);
		assertThat(placement.stage()).isEqualTo(JourneyStage.AWARENESS);
	}

}
