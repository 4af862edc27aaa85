package com.trellis.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.ReportingCurrency;

/**
 * A quarter's forecast accuracy: the forecast (closed so far plus weighted pipeline) of
 * its weeks 1, 5 and 9 against what closed, in the reporting currency.
 *
 * @param quarter the quarter's label ("2026-Q4", "FY2027-Q1")
 * @param finished whether the quarter has ended (only then has it an actual)
 * @param reason why there are no points, or null
 * @param points per week 1, 5 and 9 with a snapshot: week, takenOn, forecast, actual,
 * errorPercent and currency; a week without a snapshot is absent, never renumbered
 */
public record ForecastAccuracy(String quarter, boolean finished, String reason, List<Map<String, Object>> points) {

	/** A quarter not yet over: no actual, so no points, and the reason. */
	static ForecastAccuracy notOver(FiscalQuarter quarter) {
		return new ForecastAccuracy(quarter.label(), false, quarter.label() + " is not over (its last day is "
				+ quarter.end().minusDays(1)
				+ "): what has closed so far is not its actual, so its forecast accuracy is measured once it has ended",
				List.of());
	}

	/**
	 * An ended quarter's points from its weekly snapshots (as
	 * {@link Forecasts#labelled}), the first of each week, against {@code actual}.
	 */
	static ForecastAccuracy of(FiscalQuarter quarter, List<Map<String, Object>> snapshots, BigDecimal actual) {
		var byWeek = new TreeMap<Integer, Map<String, Object>>();
		for (var snapshot : snapshots) {
			var week = (Integer) snapshot.get("weekOfQuarter");
			if (week != null) {
				byWeek.putIfAbsent(week, snapshot);
			}
		}
		var result = new ArrayList<Map<String, Object>>();
		for (int week : List.of(1, 5, 9)) {
			var snapshot = byWeek.get(week);
			if (snapshot == null) {
				continue;
			}
			var forecast = ((BigDecimal) snapshot.get("closed")).add((BigDecimal) snapshot.get("weighted"));
			var point = new LinkedHashMap<String, Object>();
			point.put("week", week);
			point.put("takenOn", snapshot.get("takenOn"));
			point.put("forecast", forecast);
			point.put("actual", actual);
			point.put("errorPercent", BacktestError.percent(forecast, actual));
			point.put("currency", ReportingCurrency.CODE);
			result.add(point);
		}
		return new ForecastAccuracy(quarter.label(), true,
				result.isEmpty() ? "no snapshot was taken in week 1, 5 or 9 of " + quarter.label() : null, result);
	}

}
