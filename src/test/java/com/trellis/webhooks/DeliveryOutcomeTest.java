package com.trellis.webhooks;

import java.time.Duration;

import com.trellis.webhooks.DeliveryOutcome.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryOutcomeTest {

	@Test
	void anyTwoHundredDelivers() {
		assertThat(DeliveryOutcome.of(200, 1).verdict()).isEqualTo(Verdict.DELIVERED);
		assertThat(DeliveryOutcome.of(204, 3).verdict()).isEqualTo(Verdict.DELIVERED);
	}

	@Test
	void goneDisablesTheSubscriptionAndSaysWhy() {
		var outcome = DeliveryOutcome.of(410, 1);
		assertThat(outcome.verdict()).isEqualTo(Verdict.DISABLE);
		assertThat(outcome.reason()).contains("410");
	}

	@Test
	void otherFailuresAndNoAnswerAreTriedAgainWithTheBackoffUntilTheTwelfthAttempt() {
		assertThat(DeliveryOutcome.of(500, 1)).extracting(DeliveryOutcome::verdict, DeliveryOutcome::retryAfter)
			.containsExactly(Verdict.RETRY, Duration.ofMinutes(1));
		assertThat(DeliveryOutcome.of(null, 2)).extracting(DeliveryOutcome::verdict, DeliveryOutcome::retryAfter)
			.containsExactly(Verdict.RETRY, Duration.ofMinutes(5));
		assertThat(DeliveryOutcome.of(500, 1).reason()).endsWith("tried again in 1 minute");
		assertThat(DeliveryOutcome.of(null, 2).reason()).endsWith("tried again in 5 minutes");
		assertThat(DeliveryOutcome.of(404, 11).verdict()).isEqualTo(Verdict.RETRY);
		assertThat(DeliveryOutcome.of(404, 12).verdict()).isEqualTo(Verdict.GIVE_UP);
		assertThat(DeliveryOutcome.of(301, 1).verdict()).isEqualTo(Verdict.RETRY);
	}

}
