package com.trellis.deals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageNormTests {

	@Test
	void aDealInItsStageExactlyTheNormIsNotStalledButOneWholeDayLongerIs() {
		assertThat(StageNorm.stalled(Duration.ofDays(14), 14)).isFalse();
		assertThat(StageNorm.stalled(Duration.ofDays(14).plusHours(23), 14)).as("the norm's days and some hours")
			.isFalse();
		assertThat(StageNorm.stalled(Duration.ofDays(15), 14)).isTrue();
		assertThat(StageNorm.stalled(Duration.ofDays(13), 14)).isFalse();
	}

	@Test
	void theLatestStalledEntryIsTheNormAndOneDayBeforeNow() {
		var now = Instant.parse("2026-12-01T12:00:00Z");
		assertThat(StageNorm.stalledIfEnteredBy(now, 14)).isEqualTo(Instant.parse("2026-11-16T12:00:00Z"));
		var entered = StageNorm.stalledIfEnteredBy(now, 14);
		assertThat(StageNorm.stalled(Duration.between(entered, now), 14)).as("the list and the page agree").isTrue();
		assertThat(StageNorm.stalled(Duration.between(entered.plusSeconds(1), now), 14)).isFalse();
	}

}
