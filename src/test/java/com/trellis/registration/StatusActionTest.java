package com.trellis.registration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusActionTest {

	@Test
	void anEndedRegistrationIsRefusedWithItsEndInWords() {
		assertThat(StatusAction.EXTEND.refusal(RegistrationStatus.DEAL_WON))
			.isEqualTo("the registration ended when its deal was won; it can no longer be extended");
		assertThat(StatusAction.APPROVE.refusal(RegistrationStatus.EXPIRED))
			.isEqualTo("the registration expired when its protection lapsed; it can no longer be approved");
		assertThat(StatusAction.WITHDRAW.refusal(RegistrationStatus.REJECTED))
			.isEqualTo("the registration was rejected; it can no longer be withdrawn");
	}

	@Test
	void anOpenRegistrationIsToldWhichStatusAllowsWhatWasAsked() {
		assertThat(StatusAction.APPROVE.refusal(RegistrationStatus.ON_HOLD))
			.isEqualTo("the registration is on hold behind an earlier claim on its customer; "
					+ "only a registration awaiting approval can be approved");
		assertThat(StatusAction.LIFT_HOLD.refusal(RegistrationStatus.PENDING)).isEqualTo(
				"the registration is awaiting approval; only a registration on hold can be released from a hold");
	}

	@Test
	void noRefusalReadsAsAStatusCodeOrLabelAndNoActionBreaksTheAllowedMoves() {
		for (var action : StatusAction.values()) {
			for (var status : RegistrationStatus.values()) {
				assertThat(action.refusal(status)).startsWith("the registration ")
					.doesNotContain(status.name())
					.doesNotContain(": deal");
				if (action.allowedFrom(status)) {
					assertThat(action.to() == null ? status.protects() : status.canMoveTo(action.to()))
						.as(action + " from " + status)
						.isTrue();
				}
			}
		}
	}

}
