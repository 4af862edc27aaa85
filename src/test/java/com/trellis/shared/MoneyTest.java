package com.trellis.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void keepsAmountsExactToTheMinorUnit() {
		assertThat(Money.of("0.1", "USD").plus(Money.of("0.2", "USD"))).isEqualTo(Money.of("0.30", "USD"));
		assertThat(Money.of("100", "JPY").amount().scale()).isZero();
	}

	@Test
	void refusesToAddDifferentCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
			.withMessageContaining("EUR");
	}

}
