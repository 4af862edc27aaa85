package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ReportingCurrency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the weekly snapshots show over time: what changed since last week, and the
 * forecast against what actually closed for past quarters.
 */
@Service
class ForecastHistory {

	static final List<String> CATEGORIES = List.of("closed", "commit", "bestCase", "weighted");

	private final ForecastRepository forecasts;

	private final Forecasts facade;

	private final BusinessCalendar calendar;

	ForecastHistory(ForecastRepository forecasts, Forecasts facade, BusinessCalendar calendar) {
		this.forecasts = forecasts;
		this.facade = facade;
		this.calendar = calendar;
	}

	/**
	 * This week's snapshot of the current quarter against last week's, per category: the
	 * two latest snapshots taken up to today, each named by the first day of the quarter
	 * week it was taken in. Empty when there are fewer than two.
	 */
	@Transactional(readOnly = true)
	List<Map<String, Object>> changes(Viewer viewer, Scope scope) {
		this.facade.allowed(viewer, scope);
		var today = this.calendar.today();
		var snapshots = this.facade.labelled(scope, this.calendar.quarterOf(today))
			.stream()
			.filter(s -> !((LocalDate) s.get("takenOn")).isAfter(today))
			.toList();
		if (snapshots.size() < 2) {
			return List.of();
		}
		var last = snapshots.get(snapshots.size() - 2);
		var now = snapshots.get(snapshots.size() - 1);
		var result = new ArrayList<Map<String, Object>>();
		for (var category : CATEGORIES) {
			var row = new LinkedHashMap<String, Object>();
			row.put("category", category);
			row.put("lastWeek", last.get("week"));
			row.put("lastWeekValue", last.get(category));
			row.put("thisWeek", now.get("week"));
			row.put("thisWeekValue", now.get(category));
			row.put("change", ((BigDecimal) now.get(category)).subtract((BigDecimal) last.get(category)));
			row.put("currency", ReportingCurrency.CODE);
			result.add(row);
		}
		return result;
	}

	/**
	 * For each of the last {@code quarters} complete quarters with a snapshot: the
	 * forecast in the snapshot it is judged by ({@link OpeningSnapshot}: its first, from
	 * week 1 or 2; closed plus weighted pipeline), the commit forecast (closed plus
	 * commit) and what actually closed, oldest first. A quarter whose first snapshot came
	 * later has no forecast or commit, and {@code reason} says why.
	 */
	@Transactional(readOnly = true)
	List<Map<String, Object>> versusActual(Viewer viewer, Scope scope, int quarters) {
		this.facade.allowed(viewer, scope);
		var current = this.calendar.currentQuarter();
		var result = new ArrayList<Map<String, Object>>();
		for (int q = quarters; q >= 1; q--) {
			var quarter = current;
			for (int i = 0; i < q; i++) {
				quarter = quarter.previous();
			}
			var start = quarter.start();
			var first = this.facade.labelled(scope, quarter)
				.stream()
				.filter(s -> s.get("weekOfQuarter") != null)
				.findFirst();
			if (first.isEmpty()) {
				continue;
			}
			var snapshot = first.get();
			var row = new LinkedHashMap<String, Object>();
			row.put("quarter", quarter.label());
			row.put("week", snapshot.get("week"));
			row.put("weekOfQuarter", snapshot.get("weekOfQuarter"));
			var judged = OpeningSnapshot.judge(quarter, (java.time.LocalDate) snapshot.get("week"));
			row.put("forecast", judged.counts()
					? ((BigDecimal) snapshot.get("closed")).add((BigDecimal) snapshot.get("weighted")) : null);
			row.put("commit", judged.counts()
					? ((BigDecimal) snapshot.get("closed")).add((BigDecimal) snapshot.get("commit")) : null);
			row.put("reason", judged.reason());
			row.put("actual", this.forecasts.closedWon(scope.predicate(), scope.id(), start, quarter.end()));
			row.put("currency", ReportingCurrency.CODE);
			result.add(row);
		}
		return result;
	}

}
