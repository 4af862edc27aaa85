package com.trellis.registration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationStatusTest {

	@Test
	void anApprovedRegistrationOnlyExpiresOrEndsWithItsClosedDeal() {
		assertThat(RegistrationStatus.APPROVED.next()).containsExactlyInAnyOrder(RegistrationStatus.EXPIRED,
				RegistrationStatus.DEAL_LOST, RegistrationStatus.DEAL_WON);
		assertThat(RegistrationStatus.APPROVED.canMoveTo(RegistrationStatus.WITHDRAWN)).isFalse();
	}

	@Test
	void aHeldRegistrationIsPromotedRejectedOrWithdrawnButNeverApprovedDirectly() {
		assertThat(RegistrationStatus.ON_HOLD.canMoveTo(RegistrationStatus.PENDING)).isTrue();
		assertThat(RegistrationStatus.ON_HOLD.canMoveTo(RegistrationStatus.WITHDRAWN)).isTrue();
		assertThat(RegistrationStatus.ON_HOLD.canMoveTo(RegistrationStatus.APPROVED)).isFalse();
		assertThat(RegistrationStatus.ON_HOLD.protects()).isFalse();
	}

	@Test
	void endedRegistrationsGoNowhere() {
		for (var ended : new RegistrationStatus[] { RegistrationStatus.REJECTED, RegistrationStatus.EXPIRED,
				RegistrationStatus.WITHDRAWN, RegistrationStatus.DEAL_LOST, RegistrationStatus.DEAL_WON }) {
			assertThat(ended.next()).isEmpty();
			assertThat(ended.protects()).isFalse();
		}
	}

	@Test
	void onlyAPendingRegistrationIsApprovedOrSentBack() {
		for (var status : RegistrationStatus.values()) {
			assertThat(status.canMoveTo(RegistrationStatus.APPROVED)).isEqualTo(status == RegistrationStatus.PENDING);
			assertThat(status.canMoveTo(RegistrationStatus.NEEDS_INFO)).isEqualTo(status == RegistrationStatus.PENDING);
		}
	}

	/**
	 * Pages, search and stored texts word a status alike: its message
	 * {@code registration.status.<STATUS>} is its label, and an ended registration's
	 * protection has a message saying how it ended.
	 */
	@Test
	void eachStatusHasOneWordingOnPagesInSearchAndInStoredTexts() throws java.io.IOException {
		var messages = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		for (var status : RegistrationStatus.values()) {
			assertThat(messages.getProperty("registration.status." + status.name())).as(status.name())
				.isEqualTo(status.label());
			assertThat(messages.getProperty("registration.protectionEnded." + status.name())).as(status.name())
				.matches(text -> status.ended() == (text != null));
		}
	}

}
