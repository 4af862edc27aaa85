package com.trellis.forecast;

import com.trellis.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaPolicyTest {

	@Test
	void theAdminSetsEveryQuotaAndTheProgramTarget() {
		assertThat(QuotaPolicy.decide(Role.ADMIN, Scope.Kind.PAM, Role.PAM, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.ALLOWED);
		assertThat(QuotaPolicy.decide(Role.ADMIN, Scope.Kind.PARTNERS, null, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.ALLOWED);
	}

	@Test
	void aSalesManagerSetsOnlyTheirTeamsQuotas() {
		assertThat(QuotaPolicy.decide(Role.SALES_MANAGER, Scope.Kind.REP, Role.AE, true).outcome())
			.isEqualTo(QuotaPolicy.Outcome.ALLOWED);
		var outside = QuotaPolicy.decide(Role.SALES_MANAGER, Scope.Kind.REP, Role.AE, false);
		assertThat(outside.outcome()).isEqualTo(QuotaPolicy.Outcome.DENIED);
		assertThat(outside.reason()).isEqualTo("a sales manager sets only the quotas of people below them");
		assertThat(QuotaPolicy.decide(Role.SALES_MANAGER, Scope.Kind.PARTNERS, null, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.DENIED);
		assertThat(QuotaPolicy.decide(Role.PAM, Scope.Kind.PAM, Role.PAM, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.DENIED);
	}

	@Test
	void theQuotaMustBeForAUserOfTheMatchingRole() {
		var wrong = QuotaPolicy.decide(Role.ADMIN, Scope.Kind.REP, Role.PAM, false);
		assertThat(wrong.outcome()).isEqualTo(QuotaPolicy.Outcome.INVALID);
		assertThat(wrong.field()).isEqualTo("scopeId");
		assertThat(QuotaPolicy.decide(Role.ADMIN, Scope.Kind.PROGRAM, null, false).field()).isEqualTo("scope");
	}

	@Test
	void aSalesManagerIsRefusedAScopeOutsideTheirTeamBeforeTheRestIsChecked() {
		assertThat(QuotaPolicy.reach(Role.SALES_MANAGER, Scope.Kind.PARTNERS, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.DENIED);
		assertThat(QuotaPolicy.reach(Role.SALES_MANAGER, Scope.Kind.PAM, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.DENIED);
		assertThat(QuotaPolicy.reach(Role.SALES_MANAGER, Scope.Kind.REP, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.DENIED);
		assertThat(QuotaPolicy.reach(Role.SALES_MANAGER, Scope.Kind.REP, true).outcome())
			.isEqualTo(QuotaPolicy.Outcome.ALLOWED);
	}

	@Test
	void anUnknownScopeOrAnotherRoleIsLeftToTheFullDecision() {
		assertThat(QuotaPolicy.reach(Role.SALES_MANAGER, null, false).outcome()).isEqualTo(QuotaPolicy.Outcome.ALLOWED);
		assertThat(QuotaPolicy.reach(Role.ADMIN, Scope.Kind.PARTNERS, false).outcome())
			.isEqualTo(QuotaPolicy.Outcome.ALLOWED);
	}

}
