package com.trellis.dormancy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DormancyRuleTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void sixtyIdleDaysMakeAPartnerDormant() {
		var decision = DormancyRule.decide(Instant.parse("2026-09-23T10:00:00Z"), LocalDate.of(2025, 1, 1), TODAY, 60,
				ZoneOffset.UTC);
		assertThat(decision.dormant()).isTrue();
		assertThat(decision.reason()).contains("60 days").contains("2026-09-23");
	}

	@Test
	void fiftyNineIdleDaysDoNot() {
		assertThat(
				DormancyRule.decide(Instant.parse("2026-09-24T10:00:00Z"), null, TODAY, 60, ZoneOffset.UTC).dormant())
			.isFalse();
	}

	@Test
	void theLastSignalsDayIsItsDayInTheBusinessZone() {
		// 2026-09-23T13:00Z is already 24 September in Auckland: 59 idle days there
		var auckland = DormancyRule.decide(Instant.parse("2026-09-23T13:00:00Z"), null, TODAY, 60,
				ZoneId.of("Pacific/Auckland"));
		assertThat(auckland.dormant()).isFalse();
		assertThat(
				DormancyRule.decide(Instant.parse("2026-09-23T13:00:00Z"), null, TODAY, 60, ZoneOffset.UTC).dormant())
			.isTrue();
	}

	@Test
	void withoutAnySignalIdleTimeCountsFromOnboarding() {
		assertThat(DormancyRule.decide(null, LocalDate.of(2026, 10, 1), TODAY, 60, ZoneOffset.UTC).dormant()).isFalse();
		assertThat(DormancyRule.decide(null, LocalDate.of(2026, 9, 1), TODAY, 60, ZoneOffset.UTC).reason())
			.contains("none since onboarding");
	}

	@Test
	void yesterdaysActivityReadsAsOneDayAgo() {
		assertThat(DormancyRule.decide(Instant.parse("2026-11-21T10:00:00Z"), null, TODAY, 60, ZoneOffset.UTC).reason())
			.isEqualTo("active 1 day ago");
		assertThat(DormancyRule.decide(Instant.parse("2026-11-22T10:00:00Z"), null, TODAY, 60, ZoneOffset.UTC).reason())
			.isEqualTo("active today");
	}

}
