package com.trellis.identity;

import java.util.List;

import com.trellis.identity.ManagerHierarchy.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManagerHierarchyTest {

	private static final Candidate MONA = new Candidate(2, "Mona Manager", true, true);

	@Test
	void aUserWithoutManagerIsFine() {
		assertThat(ManagerHierarchy.decide(1L, null, List.of()).allowed()).isTrue();
	}

	@Test
	void anActiveVendorManagerAboveWhomTheUserDoesNotSitIsAccepted() {
		var decision = ManagerHierarchy.decide(1L, MONA, List.of(3L, 4L));
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.reason()).isEqualTo("Reports to Mona Manager");
	}

	@Test
	void aNewUserMayReportToAnyActiveVendorUser() {
		assertThat(ManagerHierarchy.decide(null, MONA, List.of(3L)).allowed()).isTrue();
	}

	@Test
	void nobodyManagesThemselves() {
		var decision = ManagerHierarchy.decide(2L, MONA, List.of());
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).isEqualTo("a user cannot be their own manager");
	}

	@Test
	void aManagerWhoReportsToTheUserAtAnyDepthWouldMakeACycle() {
		// Mona reports to 5, who reports to the user 1
		var decision = ManagerHierarchy.decide(1L, MONA, List.of(5L, 1L, 9L));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("Mona Manager reports to this user already").contains("cycle");
	}

	@Test
	void aDeactivatedUserManagesNoOne() {
		var decision = ManagerHierarchy.decide(1L, new Candidate(2, "Lea Leaver", true, false), List.of());
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).isEqualTo("must be an active user; Lea Leaver is deactivated");
	}

	@Test
	void aPartnerUserManagesNoVendorStaff() {
		var decision = ManagerHierarchy.decide(1L, new Candidate(2, "Pat Partner", false, true), List.of());
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).startsWith("must be a vendor user");
	}

	@Test
	void anEditKeepingAManagerWhoHasLeftIsAcceptedButNamingThemAnewIsRefused() {
		var gone = new Candidate(7, "Gil Gone", true, false);
		assertThat(ManagerHierarchy.decide(1L, gone, List.of(), true).allowed()).isTrue();
		var fresh = ManagerHierarchy.decide(1L, gone, List.of(), false);
		assertThat(fresh.allowed()).isFalse();
		assertThat(fresh.reason()).isEqualTo("must be an active user; Gil Gone is deactivated");
	}

}
