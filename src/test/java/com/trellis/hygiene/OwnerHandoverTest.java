package com.trellis.hygiene;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerHandoverTest {

	@Test
	void anActiveRepOwningTheAccountTakesTheDeal() {
		assertThat(OwnerHandover.decide(7L, true, "AE", 3).allowed()).isTrue();
		assertThat(OwnerHandover.decide(7L, true, "SALES_MANAGER", 3).allowed()).isTrue();
	}

	@Test
	void withoutAnActiveRepOwningTheAccountSomeoneMustChooseAndIsToldWhy() {
		assertThat(OwnerHandover.decide(null, null, null, 3).reason()).contains("no owner");
		assertThat(OwnerHandover.decide(3L, false, "AE", 3).reason()).contains("also owns the account");
		assertThat(OwnerHandover.decide(7L, false, "AE", 3).reason()).contains("deactivated too");
		assertThat(OwnerHandover.decide(7L, true, "PAM", 3).reason()).contains("not an account executive");
	}

}
