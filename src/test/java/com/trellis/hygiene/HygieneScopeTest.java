package com.trellis.hygiene;

import com.trellis.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HygieneScopeTest {

	@Test
	void theAdminCoversTheProgramAPamTheirBookAndNobodyElseHasAReport() {
		assertThat(HygieneScope.of(Role.ADMIN, 1)).isEqualTo(HygieneScope.PROGRAM);
		assertThat(HygieneScope.of(Role.PAM, 42).pamId()).isEqualTo(42L);
		for (var role : new Role[] { Role.AE, Role.SALES_MANAGER, Role.EXECUTIVE, Role.PARTNER }) {
			assertThat(HygieneScope.of(role, 5)).as(role.name()).isNull();
		}
	}

}
