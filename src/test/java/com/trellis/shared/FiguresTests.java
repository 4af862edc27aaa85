package com.trellis.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTests {

	private final Figures figures = new Figures(ZoneId.of("Europe/Berlin"));

	@Test
	void countsAndDaysReadWithoutDecimalsAndLargeFiguresAreGrouped() {
		assertThat(this.figures.count(new BigDecimal("12.00"))).isEqualTo("12");
		assertThat(this.figures.count(new BigDecimal("202.00"))).isEqualTo("202");
		assertThat(this.figures.count(new BigDecimal("67.45"))).isEqualTo("67.5");
		assertThat(this.figures.decimal(new BigDecimal("4762474.80"))).isEqualTo("4,762,474.80");
		assertThat(this.figures.kpi(new BigDecimal("4762474.80"), "MONEY", "USD")).contains("4,762,474.80");
		assertThat(this.figures.kpi(new BigDecimal("4.00"), "COUNT", null)).isEqualTo("4");
	}

	@Test
	void aMomentReadsAsADateAndTimeInTheBusinessZone() {
		assertThat(this.figures.moment(Instant.parse("2026-11-30T12:09:11.978148614Z"))).isEqualTo("2026-11-30 13:09");
	}

}
