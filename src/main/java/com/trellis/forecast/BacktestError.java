package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far forecasts were from what actually closed: the mean absolute error (reporting
 * currency, two decimals) and the mean absolute percentage error (one decimal, over the
 * points whose actual is not zero; none when every actual is zero).
 */
final class BacktestError {

	private BacktestError() {
	}

	static Summary of(List<Point> points) {
		if (points.isEmpty()) {
			return new Summary(0, null, null);
		}
		var absolute = BigDecimal.ZERO;
		var percent = BigDecimal.ZERO;
		int withActual = 0;
		for (var point : points) {
			var error = point.forecast().subtract(point.actual()).abs();
			absolute = absolute.add(error);
			if (point.actual().signum() != 0) {
				percent = percent
					.add(error.multiply(BigDecimal.valueOf(100)).divide(point.actual(), 10, RoundingMode.HALF_UP));
				withActual++;
			}
		}
		return new Summary(points.size(), absolute.divide(BigDecimal.valueOf(points.size()), 2, RoundingMode.HALF_UP),
				withActual == 0 ? null : percent.divide(BigDecimal.valueOf(withActual), 1, RoundingMode.HALF_UP));
	}

	/** One forecast and the actual it is measured against. */
	record Point(BigDecimal forecast, BigDecimal actual) {
	}

	/**
	 * @param points how many forecasts were measured
	 * @param mae mean absolute error
	 * @param mape mean absolute percentage error
	 */
	record Summary(int points, BigDecimal mae, BigDecimal mape) {
	}

}
