package com.trellis.partners;

import org.junit.jupiter.api.Test;

import static com.trellis.partners.LifecycleStatus.ACTIVE;
import static com.trellis.partners.LifecycleStatus.DORMANT;
import static com.trellis.partners.LifecycleStatus.ONBOARDING;
import static com.trellis.partners.LifecycleStatus.PROSPECT;
import static com.trellis.partners.LifecycleStatus.SUNSET;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTransitionTest {

	@Test
	void followsTheLifecycleAndComesBackFromDormant() {
		assertThat(LifecycleTransition.decide(PROSPECT, ONBOARDING, "Signed").allowed()).isTrue();
		assertThat(LifecycleTransition.decide(ONBOARDING, ACTIVE, "First deal").allowed()).isTrue();
		assertThat(LifecycleTransition.decide(ACTIVE, DORMANT, "Idle 60 days").allowed()).isTrue();
		assertThat(LifecycleTransition.decide(DORMANT, ACTIVE, "Registered again").allowed()).isTrue();
	}

	@Test
	void refusesToSkipOnboardingOrLeaveSunset() {
		var skip = LifecycleTransition.decide(PROSPECT, ACTIVE, "Eager");
		assertThat(skip.allowed()).isFalse();
		assertThat(skip.field()).isEqualTo("toStatus");
		assertThat(skip.reason()).contains("Prospect", "Active");
		assertThat(LifecycleTransition.decide(SUNSET, ACTIVE, "Back").allowed()).isFalse();
	}

	@Test
	void requiresAReasonForEveryChange() {
		var decision = LifecycleTransition.decide(ACTIVE, DORMANT, "  ");
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.field()).isEqualTo("reason");
	}

	@Test
	void explainsAnAllowedMove() {
		assertThat(LifecycleTransition.decide(ACTIVE, SUNSET, "Exited the market").reason())
			.isEqualTo("Active → Sunset: Exited the market");
	}

}
