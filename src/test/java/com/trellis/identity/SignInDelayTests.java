package com.trellis.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignInDelayTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final SignInDelay delay = new SignInDelay(5, Duration.ofSeconds(5), Duration.ofMinutes(15), 20);

	@Test
	void theFirstFailuresOfAnAddressAreFree() {
		var decision = this.delay.decide(4, NOW, 4, NOW);

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.reason()).contains("fewer than 5 failures");
	}

	@Test
	void eachFurtherFailureDoublesTheWaitFromTheLastFailure() {
		assertThat(this.delay.decide(5, NOW, 5, NOW).remaining()).hasSeconds(5);
		assertThat(this.delay.decide(6, NOW, 6, NOW).remaining()).hasSeconds(10);
		assertThat(this.delay.decide(8, NOW, 8, NOW).remaining()).hasSeconds(40);
		assertThat(this.delay.decide(8, NOW, 8, NOW.plusSeconds(30)).remaining()).hasSeconds(10);
		assertThat(this.delay.decide(8, NOW, 8, NOW.plusSeconds(40)).allowed()).isTrue();
	}

	@Test
	void theWaitNeverExceedsTheMaximumEvenAfterThousandsOfFailures() {
		assertThat(this.delay.decide(15, NOW, 15, NOW).remaining()).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.delay.decide(5000, NOW, 5000, NOW).remaining()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void failuresFromOtherAddressesNeverStopACleanAddress() {
		var decision = this.delay.decide(0, null, 10_000, NOW);

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.reason()).contains("being guessed at");
	}

	@Test
	void whileTheAccountIsGuessedAtEveryAddressHasOneFreeFailure() {
		var decision = this.delay.decide(1, NOW, 21, NOW);

		assertThat(decision.remaining()).hasSeconds(5);
		assertThat(decision.reason()).contains("while the account is being guessed at");
		assertThat(this.delay.decide(1, NOW, 20, NOW).allowed()).as("19 from elsewhere: no alarm yet").isTrue();
	}

	@Test
	void aPartSecondLeftIsRoundedUpSoTheCallerNeverComesBackTooEarly() {
		assertThat(this.delay.decide(5, NOW, 5, NOW.plusMillis(4001)).remaining()).hasSeconds(1);
	}

	@Test
	void refusesSettingsThatWouldNeverLetAnyoneIn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInDelay(0, Duration.ofSeconds(5), Duration.ofMinutes(15), 20));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInDelay(5, Duration.ofMinutes(20), Duration.ofMinutes(15), 20));
	}

}
