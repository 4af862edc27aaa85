package com.trellis.activation;

import java.time.Instant;
import java.time.LocalDate;

import com.trellis.activation.ActivationVerdict.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationVerdictTest {

	private static final LocalDate ONBOARDED = LocalDate.of(2026, 1, 1);

	@Test
	void wonOnDay89IsActivated() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(10), day(89), ONBOARDED.plusDays(89));
		assertThat(verdict.status()).isEqualTo(Status.ACTIVATED);
	}

	@Test
	void registeredButWonOnDay91IsNotActivated() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(10), day(91), ONBOARDED.plusDays(91));
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
		assertThat(verdict.reason()).isEqualTo("no deal won within 90 days");
	}

	@Test
	void withoutARegistrationTheVerdictNamesThat() {
		var verdict = ActivationVerdict.decide(ONBOARDED, null, null, ONBOARDED.plusDays(90));
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
		assertThat(verdict.reason()).isEqualTo("no deal registered within 90 days");
	}

	@Test
	void beforeDay90ItIsStillInProgress() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(20), null, ONBOARDED.plusDays(40));
		assertThat(verdict.status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(verdict.reason()).isEqualTo("day 40 of 90; registered, no win yet");
	}

	@Test
	void aWinBeforeOnboardingDoesNotCount() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(-5), day(-1), ONBOARDED.plusDays(95));
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
	}

	private static Instant day(int day) {
		return ONBOARDED.plusDays(day).atTime(15, 0).toInstant(java.time.ZoneOffset.UTC);
	}

}
