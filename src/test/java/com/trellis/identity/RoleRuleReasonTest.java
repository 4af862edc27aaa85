package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleRuleReasonTest {

	@Test
	void theRolesARuleLetsInAreNamedAsPeopleInTheRolesOrder() {
		assertThat(RoleRuleReason.of("hasRole('ADMIN')")).isEqualTo("This is for program admins");
		assertThat(RoleRuleReason.of("hasAnyRole('SALES_MANAGER', 'ADMIN')"))
			.isEqualTo("This is for program admins and sales managers");
		assertThat(RoleRuleReason.of("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')"))
			.isEqualTo("This is for program admins, PAMs, executives and partner users");
	}

	@Test
	void aRuleThatShutsOutARoleNamesTheOthers() {
		assertThat(RoleRuleReason.of("!hasRole('PARTNER')")).isEqualTo("This is for vendor staff");
		assertThat(RoleRuleReason.of("!hasRole('EXECUTIVE')")).isEqualTo("This is not for executives");
		assertThat(RoleRuleReason.of("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER', 'PARTNER')"))
			.isEqualTo("This is not for executives");
	}

	@Test
	void anyOtherRuleGivesTheGeneralSentence() {
		for (var rule : new String[] { "isAuthenticated()", "hasRole('ADMIN') and hasRole('PAM')", "hasRole('NOBODY')",
				"hasAnyRole()" }) {
			assertThat(RoleRuleReason.of(rule)).as(rule).isEqualTo("Your role may not do this");
		}
	}

}
