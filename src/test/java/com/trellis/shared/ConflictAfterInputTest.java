package com.trellis.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A valid request the state refuses is a conflict; bad input is bad input whatever the
 * state, naming the state with it.
 */
class ConflictAfterInputTest {

	private static final ConflictException APPROVED = new ConflictException("status",
			"the registration is already approved and its deal is open; nothing was changed");

	@Test
	void validInputInARefusingStateIsAConflict() {
		assertThatThrownBy(() -> ConflictException.afterInput(() -> {
		}, APPROVED)).isSameAs(APPROVED);
	}

	@Test
	void badInputIsBadInputNamingTheStateToo() {
		assertThatThrownBy(() -> ConflictException.afterInput(() -> {
			throw InvalidInputException.of("reason", "a reason is required");
		}, APPROVED)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("reason", "status"));
		assertThatThrownBy(() -> ConflictException.afterInput(() -> {
			throw InvalidInputException.of("reason", "a reason is required");
		}, null)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("reason"));
	}

	@Test
	void whatTheChecksReadIsHandedBackWhenTheStateAllowsIt() {
		assertThat(ConflictException.afterInput(() -> 42, null)).isEqualTo(42);
	}

}
