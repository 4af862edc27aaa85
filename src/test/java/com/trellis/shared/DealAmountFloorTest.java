package com.trellis.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealAmountFloorTest {

	@Test
	void aZeroAmountOrOneBelowTheMinimumDoesNotCount() {
		var zero = DealAmountFloor.decide(new BigDecimal("0.00"), BigDecimal.ZERO, "USD");
		assertThat(zero.counts()).isFalse();
		assertThat(zero.reason()).isEqualTo("the deal's amount is zero");
		var small = DealAmountFloor.decide(new BigDecimal("99.99"), new BigDecimal("100"), "USD");
		assertThat(small.counts()).isFalse();
		assertThat(small.reason()).contains("below the minimum of USD 100");
		assertThat(DealAmountFloor.decide(new BigDecimal("100.00"), new BigDecimal("100"), "USD").counts()).isTrue();
		assertThat(DealAmountFloor.decide(new BigDecimal("0.01"), BigDecimal.ZERO, "USD").counts()).isTrue();
	}

}
