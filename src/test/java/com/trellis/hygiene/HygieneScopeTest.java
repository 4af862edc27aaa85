package com.trellis.hygiene;

import java.util.List;

import com.trellis.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HygieneScopeTest {

	@Test
	void theAdminCoversTheProgramAPamTheirBookASalesManagerTheirTeamAndNobodyElseHasAReport() {
		assertThat(HygieneScope.of(Role.ADMIN, 1, id -> List.of())).isEqualTo(HygieneScope.PROGRAM);
		assertThat(HygieneScope.of(Role.PAM, 42, id -> List.of()).pamId()).isEqualTo(42L);
		var team = HygieneScope.of(Role.SALES_MANAGER, 7, id -> id == 7 ? List.of(8L, 9L) : List.of());
		assertThat(team.kind()).isEqualTo(HygieneScope.Kind.TEAM);
		assertThat(team.team()).as("the manager's own and their reports'").containsExactly(7L, 8L, 9L);
		assertThat(team.pamId()).isNull();
		for (var role : new Role[] { Role.AE, Role.EXECUTIVE, Role.PARTNER }) {
			assertThat(HygieneScope.of(role, 5, id -> List.of(6L))).as(role.name()).isNull();
		}
	}

	@Test
	void eachScopeBindsItsOwnConditionAndTheProgramNone() {
		assertThat(HygieneScope.PROGRAM.deals()).isEqualTo("TRUE");
		assertThat(HygieneScope.book(3).deals()).contains(":pam").doesNotContain(":team");
		assertThat(HygieneScope.team(List.of(4L)).deals()).contains(":team").doesNotContain(":pam");
		assertThat(HygieneScope.team(List.of(4L)).accounts("a.id")).startsWith("a.id IN").contains("owner_ae_id");
	}

}
