package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ReportingCurrency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-tests the forecast on the program's own history. For each of the last complete
 * quarters and its weeks 1, 5 and 9, it forecasts the quarter's closed-won as of the
 * cut-off of that week (the quarter's start plus 0, 4 or 8 weeks) using only what was
 * known then: probabilities and time-in-stage norms learned from deals closed before the
 * cut-off, each open deal's stage and stage-entry time as of the cut-off from the stage
 * history, and closed-won before the cut-off. The static baseline uses the configured
 * probabilities and stage norms. Both are compared with the quarter's actual closed-won.
 */
@Service
public class ForecastBacktest {

	static final List<Integer> WEEKS = List.of(1, 5, 9);

	private final ForecastRepository forecasts;

	private final ForecastModel model;

	private final BusinessCalendar calendar;

	ForecastBacktest(ForecastRepository forecasts, ForecastModel model, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.forecasts = forecasts;
		this.model = model;
	}

	/**
	 * The last {@code quarters} complete quarters before the quarter of {@code today}.
	 */
	@Transactional(readOnly = true)
	public Result run(LocalDate today, int quarters) {
		var rows = new ArrayList<Row>();
		var skipped = new ArrayList<String>();
		var learned = new ArrayList<BacktestError.Point>();
		var baseline = new ArrayList<BacktestError.Point>();
		var staticProbabilities = ForecastModel.probabilityValues(ForecastModel.staticProbabilities());
		var staticNorms = this.model.normValues(this.model.norms(null, false), this.model.paths(null, false));
		var current = this.calendar.quarterOf(today);
		for (int q = quarters; q >= 1; q--) {
			var quarter = current;
			for (int i = 0; i < q; i++) {
				quarter = quarter.previous();
			}
			var start = quarter.start();
			var end = quarter.end();
			var actual = this.forecasts.closedWon(start, end);
			if (actual == null || actual.signum() == 0) {
				skipped.add(quarter.label());
				continue;
			}
			for (int week : WEEKS) {
				var cutoffDay = quarter.weekStart(week);
				var cutoff = this.calendar.startOf(cutoffDay);
				var learnedForecast = forecast(cutoff, start, end,
						ForecastModel.probabilityValues(this.model.probabilities(cutoff)),
						this.model.normValues(this.model.norms(cutoff, true), this.model.paths(cutoff, true)));
				var staticForecast = forecast(cutoff, start, end, staticProbabilities, staticNorms);
				rows.add(new Row(quarter.label(), week, cutoffDay, actual, learnedForecast, staticForecast));
				learned.add(new BacktestError.Point(learnedForecast, actual));
				baseline.add(new BacktestError.Point(staticForecast, actual));
			}
		}
		return new Result(rows, skipped, BacktestError.of(learned), BacktestError.of(baseline));
	}

	private BigDecimal forecast(Instant cutoff, LocalDate start, LocalDate end, String probabilities, String norms) {
		return ReportingCurrency.round(this.forecasts.forecastAsOf(probabilities, norms, cutoff, start, end));
	}

	/** One quarter and week: the actual and the two forecasts made at its cut-off. */
	public record Row(String quarter, int week, LocalDate cutoff, BigDecimal actual, BigDecimal learned,
			BigDecimal baseline) {

	}

	/**
	 * The rows, the quarters left out because nothing closed won in them (there is no
	 * actual to measure a forecast against), and each method's error over the rows.
	 */
	public record Result(List<Row> rows, List<String> skipped, BacktestError.Summary learned,
			BacktestError.Summary baseline) {

		/** A readable table of the rows, the skipped quarters and the summary. */
		public String table() {
			var out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%-8s %4s %-10s %14s %14s %8s %14s %8s%n", "quarter", "week",
					"cut-off", "actual", "learned", "error", "static", "error"));
			for (var row : this.rows) {
				out.append(String.format(Locale.ROOT, "%-8s %4d %-10s %,14.0f %,14.0f %7s%% %,14.0f %7s%%%n",
						row.quarter(), row.week(), row.cutoff(), row.actual(), row.learned(),
						BacktestError.percent(row.learned(), row.actual()), row.baseline(),
						BacktestError.percent(row.baseline(), row.actual())));
			}
			if (!this.skipped.isEmpty()) {
				out.append(String.format(Locale.ROOT, "%nskipped, nothing closed won to measure against: %s%n",
						String.join(", ", this.skipped)));
			}
			out.append(String.format(Locale.ROOT,
					"%nlearned (probabilities and norms from deals closed before each cut-off): %s%n",
					summary(this.learned)));
			out.append(String.format(Locale.ROOT,
					"static (configured probabilities and stage norms):                      %s%n",
					summary(this.baseline)));
			return out.toString();
		}

		private static String summary(BacktestError.Summary summary) {
			if (summary.points() == 0) {
				return "no quarter with an actual to measure";
			}
			return String.format(Locale.ROOT, "MAE %,.0f, MAPE %s%% over %d forecasts", summary.mae(), summary.mape(),
					summary.points());
		}

	}

}
