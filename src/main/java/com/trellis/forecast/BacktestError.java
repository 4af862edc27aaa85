package com.trellis.forecast;

import com.trellis.shared.Percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far forecasts were from what actually closed: the mean absolute error (reporting
 * currency, two decimals) and the mean absolute percentage error (one decimal). Only
 * points with an actual are measured: a point whose actual is zero has no percentage
 * error, and averaging its absolute error in would pull the mean towards whatever was
 * forecast for an empty quarter. Such points are counted as skipped instead.
 */
final class BacktestError {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private BacktestError() {
	}

	static Summary of(List<Point> points) {
		var absolute = BigDecimal.ZERO;
		var percent = BigDecimal.ZERO;
		int measured = 0;
		for (var point : points) {
			if (!point.hasActual()) {
				continue;
			}
			var error = point.forecast().subtract(point.actual()).abs();
			absolute = absolute.add(error);
			percent = percent.add(error.multiply(HUNDRED).divide(point.actual().abs(), 10, RoundingMode.HALF_UP));
			measured++;
		}
		if (measured == 0) {
			return new Summary(0, points.size(), null, null);
		}
		var count = BigDecimal.valueOf(measured);
		return new Summary(measured, points.size() - measured, absolute.divide(count, 2, RoundingMode.HALF_UP),
				Percent.round(percent.divide(count, 10, RoundingMode.HALF_UP)));
	}

	/**
	 * The signed error of one forecast in percent of its actual, one decimal; null when
	 * there is no actual to measure against.
	 */
	static BigDecimal percent(BigDecimal forecast, BigDecimal actual) {
		if (actual == null || actual.signum() == 0) {
			return null;
		}
		return Percent.of(forecast.subtract(actual), actual);
	}

	/** One forecast and the actual it is measured against. */
	record Point(BigDecimal forecast, BigDecimal actual) {

		boolean hasActual() {
			return this.actual != null && this.actual.signum() != 0;
		}

	}

	/**
	 * @param points how many forecasts were measured
	 * @param skipped how many were left out because their actual was zero or missing
	 * @param mae mean absolute error (null when nothing was measured)
	 * @param mape mean absolute percentage error (null when nothing was measured)
	 */
	record Summary(int points, int skipped, BigDecimal mae, BigDecimal mape) {
	}

}
