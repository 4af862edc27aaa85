package com.trellis.forecast;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestErrorTest {

	@Test
	void meanAbsoluteAndMeanAbsolutePercentageError() {
		var summary = BacktestError.of(List.of(new BacktestError.Point(new BigDecimal("120"), new BigDecimal("100")),
				new BacktestError.Point(new BigDecimal("150"), new BigDecimal("200")),
				new BacktestError.Point(new BigDecimal("30"), BigDecimal.ZERO)));
		// |20| + |-50| + |30| over 3; 20% and 25% over the 2 points with an actual
		assertThat(summary.points()).isEqualTo(3);
		assertThat(summary.mae()).isEqualByComparingTo("33.33");
		assertThat(summary.mape()).isEqualByComparingTo("22.5");
	}

	@Test
	void noPercentageErrorWhenNothingActuallyClosed() {
		var summary = BacktestError.of(List.of(new BacktestError.Point(new BigDecimal("10"), BigDecimal.ZERO)));
		assertThat(summary.mae()).isEqualByComparingTo("10.00");
		assertThat(summary.mape()).isNull();
	}

}
