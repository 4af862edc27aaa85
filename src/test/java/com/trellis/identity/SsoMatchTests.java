package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsoMatchTests {

	@Test
	void anEnabledVendorUserWithTheVerifiedEmailSignsIn() {
		var decision = SsoMatch.decide("ae@example.com", true, new SsoMatch.Candidate(Role.AE, true));
		assertThat(decision.allowed()).isTrue();
	}

	@Test
	void anUnknownEmailIsRefusedNotCreated() {
		var decision = SsoMatch.decide("new@example.com", true, null);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.code()).isEqualTo("unknown");
	}

	@Test
	void aDeactivatedUserIsRefused() {
		assertThat(SsoMatch.decide("ae@example.com", true, new SsoMatch.Candidate(Role.AE, false)).code())
			.isEqualTo("disabled");
	}

	@Test
	void anEmailTheProviderDidNotVerifyMatchesNobody() {
		assertThat(SsoMatch.decide("ae@example.com", null, new SsoMatch.Candidate(Role.ADMIN, true)).code())
			.isEqualTo("unverified");
		assertThat(SsoMatch.decide("ae@example.com", false, new SsoMatch.Candidate(Role.ADMIN, true)).code())
			.isEqualTo("unverified");
	}

	@Test
	void partnerUsersDoNotSignInWithTheVendorsProvider() {
		assertThat(SsoMatch.decide("p@partner.example", true, new SsoMatch.Candidate(Role.PARTNER, true)).code())
			.isEqualTo("partner");
	}

}
