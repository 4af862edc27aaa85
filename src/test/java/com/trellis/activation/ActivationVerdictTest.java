package com.trellis.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.trellis.activation.ActivationVerdict.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationVerdictTest {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static final LocalDate ONBOARDED = LocalDate.of(2026, 1, 1);

	@Test
	void wonOnDay89IsActivated() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(10), day(89), ONBOARDED.plusDays(89), UTC);
		assertThat(verdict.status()).isEqualTo(Status.ACTIVATED);
	}

	@Test
	void registeredButWonOnDay91IsNotActivated() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(10), day(91), ONBOARDED.plusDays(91), UTC);
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
		assertThat(verdict.reason()).isEqualTo("no deal won within 90 days");
	}

	@Test
	void withoutARegistrationTheVerdictNamesThat() {
		var verdict = ActivationVerdict.decide(ONBOARDED, null, null, ONBOARDED.plusDays(90), UTC);
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
		assertThat(verdict.reason()).isEqualTo("no deal registered within 90 days");
	}

	@Test
	void beforeDay90ItIsStillInProgress() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(20), null, ONBOARDED.plusDays(40), UTC);
		assertThat(verdict.status()).isEqualTo(Status.IN_PROGRESS);
		assertThat(verdict.reason()).isEqualTo("day 40 of 90; registered, no win yet");
	}

	@Test
	void aWinBeforeOnboardingDoesNotCount() {
		var verdict = ActivationVerdict.decide(ONBOARDED, day(-5), day(-1), ONBOARDED.plusDays(95), UTC);
		assertThat(verdict.status()).isEqualTo(Status.NOT_ACTIVATED);
	}

	@Test
	void aWinJustAfterMidnightOnDay90InTheBusinessZoneIsTooLateThoughStillDay89InUtc() {
		var auckland = ZoneId.of("Pacific/Auckland");
		var registered = ONBOARDED.plusDays(10).atTime(9, 0).atZone(auckland).toInstant();
		var lastMinute = ONBOARDED.plusDays(89).atTime(23, 30).atZone(auckland).toInstant();
		var tooLate = ONBOARDED.plusDays(90).atTime(0, 30).atZone(auckland).toInstant();
		assertThat(
				ActivationVerdict.decide(ONBOARDED, registered, lastMinute, ONBOARDED.plusDays(95), auckland).status())
			.isEqualTo(Status.ACTIVATED);
		assertThat(ActivationVerdict.decide(ONBOARDED, registered, tooLate, ONBOARDED.plusDays(95), auckland).status())
			.isEqualTo(Status.NOT_ACTIVATED);
	}

	private static Instant day(int day) {
		return ONBOARDED.plusDays(day).atTime(15, 0).toInstant(java.time.ZoneOffset.UTC);
	}

}
