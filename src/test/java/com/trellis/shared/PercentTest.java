package com.trellis.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scale for every percentage: one decimal, half up, rounded once from full precision.
 */
class PercentTest {

	@Test
	void aShareIsRoundedOnceHalfUpToOneDecimal() {
		// 5 of 11 won: 45.4545… reads 45.5, never 45.45
		assertThat(Percent.of(new BigDecimal("5"), new BigDecimal("11"))).isEqualTo("45.5");
		// 45.349… is 45.3; rounding first to 45.35 would have made it 45.4
		assertThat(Percent.round(new BigDecimal("45.3499"))).isEqualTo("45.3");
		assertThat(Percent.round(new BigDecimal("45.75"))).isEqualTo("45.8");
		assertThat(Percent.of(BigDecimal.ONE, BigDecimal.ONE)).isEqualTo("100.0");
		assertThat(Percent.of(BigDecimal.ZERO, BigDecimal.TEN)).isEqualTo("0.0");
	}

	@Test
	void thereIsNoShareOfNothingAndAProbabilityReadsAsAPercentage() {
		assertThat(Percent.of(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(Percent.ofFraction(new BigDecimal("0.4575"))).isEqualTo("45.8");
		assertThat(Percent.text(new BigDecimal("45.75"))).isEqualTo("45.8 %");
		assertThat(Percent.text(null)).isEmpty();
	}

}
