package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResetRequestLimitTests {

	private final ResetRequestLimit limit = new ResetRequestLimit(3, 20);

	@Test
	void requestsWithinBothLimitsAreSent() {
		assertThat(this.limit.decide(2, 19).allowed()).isTrue();
	}

	@Test
	void theFourthRequestForOneEmailInTheWindowSendsNothing() {
		var decision = this.limit.decide(3, 3);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("this e-mail");
	}

	@Test
	void oneAddressAskingForManyEmailsIsStopped() {
		var decision = this.limit.decide(0, 20);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("this address");
	}

}
