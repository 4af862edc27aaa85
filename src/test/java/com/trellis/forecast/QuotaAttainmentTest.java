package com.trellis.forecast;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaAttainmentTest {

	@Test
	void eachFigureWithWhatHasClosedAgainstTheQuota() {
		var figures = Map.of("closed", new BigDecimal("40000"), "commit", new BigDecimal("30000"), "bestCase",
				new BigDecimal("50000"), "weighted", new BigDecimal("25000"));
		var attainment = QuotaAttainment.of(new BigDecimal("120000"), "USD", "quota set", figures);
		assertThat(attainment.closedPercent()).isEqualByComparingTo("33.3");
		assertThat(attainment.commitPercent()).isEqualByComparingTo("58.3");
		assertThat(attainment.bestCasePercent()).isEqualByComparingTo("75.0");
		assertThat(attainment.weightedPercent()).isEqualByComparingTo("54.2");
		assertThat(attainment.gap()).isEqualByComparingTo("80000.00");
	}

	@Test
	void aZeroQuotaHasNoPercentages() {
		var figures = Map.of("closed", new BigDecimal("10"), "commit", BigDecimal.ZERO, "bestCase", BigDecimal.ZERO,
				"weighted", BigDecimal.ZERO);
		var attainment = QuotaAttainment.of(BigDecimal.ZERO, "USD", "quota set", figures);
		assertThat(attainment.closedPercent()).isNull();
		assertThat(attainment.gap()).isEqualByComparingTo("-10.00");
	}

}
