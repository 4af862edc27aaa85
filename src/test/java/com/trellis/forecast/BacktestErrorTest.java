package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestErrorTest {

	@Test
	void meanAbsoluteAndMeanAbsolutePercentageErrorOverThePointsWithAnActual() {
		var summary = BacktestError.of(List.of(point("120", "100"), point("150", "200")));
		// |20| + |-50| over 2; 20% and 25%
		assertThat(summary.points()).isEqualTo(2);
		assertThat(summary.mae()).isEqualByComparingTo("35.00");
		assertThat(summary.mape()).isEqualByComparingTo("22.5");
	}

	@Test
	void aQuarterWithoutAnActualIsSkippedNotAveragedIn() {
		// the 30 forecast for a quarter where nothing closed used to count as an error of
		// 30 and pull the MAE down to 33.33
		var summary = BacktestError.of(List.of(point("120", "100"), point("150", "200"), point("30", "0")));
		assertThat(summary.points()).isEqualTo(2);
		assertThat(summary.skipped()).isEqualTo(1);
		assertThat(summary.mae()).isEqualByComparingTo("35.00");
		assertThat(summary.mape()).isEqualByComparingTo("22.5");
	}

	@Test
	void noErrorAtAllWhenNothingActuallyClosed() {
		var summary = BacktestError.of(List.of(point("10", "0"), point("0", "0")));
		assertThat(summary.points()).isZero();
		assertThat(summary.skipped()).isEqualTo(2);
		assertThat(summary.mae()).isNull();
		assertThat(summary.mape()).isNull();
	}

	@Test
	void theTableSaysWhichQuartersWereSkippedAndNeverPrintsNullPercent() {
		var rows = List.of(
				new ForecastBacktest.Row("2026-Q2", 1, LocalDate.of(2026, 4, 1), new BigDecimal("1000"),
						new BigDecimal("900"), new BigDecimal("1100")),
				new ForecastBacktest.Row("2026-Q2", 5, LocalDate.of(2026, 4, 29), new BigDecimal("1000"),
						new BigDecimal("1000"), new BigDecimal("1000")));
		var learned = BacktestError.of(List.of(point("900", "1000"), point("1000", "1000")));
		var baseline = BacktestError.of(List.of(point("1100", "1000"), point("1000", "1000")));
		var table = new ForecastBacktest.Result(rows, List.of("2026-Q1"), learned, baseline).table();

		assertThat(table).doesNotContain("null").contains("-10.0%").contains(" 10.0%");
		assertThat(table).contains("skipped, nothing closed won to measure against: 2026-Q1");
		assertThat(table).contains("MAE 50, MAPE 5.0% over 2 forecasts");
	}

	@Test
	void aTableWithOnlyEmptyQuartersSaysThereIsNothingToMeasure() {
		var empty = BacktestError.of(List.of());
		var table = new ForecastBacktest.Result(List.of(), List.of("2026-Q1", "2026-Q2"), empty, empty).table();
		assertThat(table).doesNotContain("null")
			.contains("2026-Q1, 2026-Q2")
			.contains("no quarter with an actual to measure");
	}

	private static BacktestError.Point point(String forecast, String actual) {
		return new BacktestError.Point(new BigDecimal(forecast), new BigDecimal(actual));
	}

}
