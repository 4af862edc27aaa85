package com.trellis.dormancy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DormancyRuleTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void sixtyIdleDaysMakeAPartnerDormant() {
		var decision = DormancyRule.decide(Instant.parse("2026-09-23T10:00:00Z"), LocalDate.of(2025, 1, 1), TODAY, 60);
		assertThat(decision.dormant()).isTrue();
		assertThat(decision.reason()).contains("60 days").contains("2026-09-23");
	}

	@Test
	void fiftyNineIdleDaysDoNot() {
		assertThat(DormancyRule.decide(Instant.parse("2026-09-24T10:00:00Z"), null, TODAY, 60).dormant()).isFalse();
	}

	@Test
	void withoutAnySignalIdleTimeCountsFromOnboarding() {
		assertThat(DormancyRule.decide(null, LocalDate.of(2026, 10, 1), TODAY, 60).dormant()).isFalse();
		assertThat(DormancyRule.decide(null, LocalDate.of(2026, 9, 1), TODAY, 60).reason())
			.contains("none since onboarding");
	}

}
