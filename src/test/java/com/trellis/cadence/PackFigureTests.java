package com.trellis.cadence;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackFigureTests {

	@Test
	void aWholeFigureInAPackReadsWithoutDecimalsAndAFractionKeepsThem() {
		var column = new Pack.Column("Value", Pack.Kind.NUMBER, null);
		assertThat(column.format(new BigDecimal("202.00"))).isEqualTo("202");
		assertThat(column.format(new BigDecimal("12.00"))).isEqualTo("12");
		assertThat(column.format(new BigDecimal("4762474.80"))).isEqualTo("4,762,474.80");
	}

}
