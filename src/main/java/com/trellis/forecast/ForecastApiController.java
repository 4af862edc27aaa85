package com.trellis.forecast;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.ValueLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Forecast", description = "Learned probabilities, roll-ups, commit calls and accuracy")
class ForecastApiController {

	/** The most past quarters the forecast-against-actual compares. */
	static final int MAX_QUARTERS = 12;

	private final Forecasts forecasts;

	private final ForecastQuotas quotas;

	private final ForecastHistory history;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	ForecastApiController(Forecasts forecasts, ForecastQuotas quotas, ForecastHistory history,
			BusinessCalendar calendar, ValueLimits limits) {
		this.limits = limits;
		this.forecasts = forecasts;
		this.history = history;
		this.quotas = quotas;
		this.calendar = calendar;
	}

	@GetMapping("/forecast/probabilities")
	@PreAuthorize("!hasRole('PARTNER')")
	Map<String, Map<String, StageProbabilities.Estimate>> probabilities() {
		return this.forecasts.probabilities();
	}

	@PostMapping("/forecast/model")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Learn the probabilities and norms again now",
			description = "The live forecast keeps its learned model for trellis.forecast.model-ttl; "
					+ "use this after importing closed deals or changing a stage's norm.")
	Map<String, Object> relearn(Viewer viewer) {
		this.forecasts.relearn(viewer);
		return Map.of("probabilities", this.forecasts.probabilities(), "norms", this.forecasts.norms());
	}

	@GetMapping("/forecast/norms")
	@PreAuthorize("!hasRole('PARTNER')")
	Map<String, Map<String, StageNorms.Norm>> norms() {
		return this.forecasts.norms();
	}

	@GetMapping("/opportunities/{id}/forecast")
	@PreAuthorize("!hasRole('PARTNER')")
	DealForecast deal(Viewer viewer, @PathVariable long id) {
		return this.forecasts.of(viewer, id);
	}

	@GetMapping("/forecast/rollup")
	@Operation(
			summary = "Commit, best case, weighted pipeline and closed so far, against the quota or target where one is set",
			description = "Without scope, the viewer's own: the program for admins and executives, a manager's team, an AE's own deals, a PAM's book, a partner user's partner (as /forecast). scopeId needs its scope.")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	Map<String, Object> rollUp(Viewer viewer, @RequestParam(required = false) Scope.Kind scope,
			@RequestParam(required = false) Long scopeId, @RequestParam(required = false) LocalDate day) {
		var asked = this.forecasts.asked(viewer, scope, scopeId);
		var when = day == null ? today() : checked("day", day);
		var figures = this.forecasts.rollUp(viewer, asked, when);
		var result = new LinkedHashMap<String, Object>(figures);
		result.put("quarter", this.calendar.quarterOf(when).label());
		result.put("currency", com.trellis.shared.ReportingCurrency.CODE);
		result.put("quota", this.quotas.attainment(asked, when, figures).orElse(null));
		return result;
	}

	@GetMapping("/forecast/changes")
	@Operation(summary = "This week's snapshot of the current quarter against last week's, per category")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	List<Map<String, Object>> changes(Viewer viewer, @RequestParam(required = false) Scope.Kind scope,
			@RequestParam(required = false) Long scopeId) {
		return this.history.changes(viewer, this.forecasts.asked(viewer, scope, scopeId));
	}

	@GetMapping("/forecast/versus-actual")
	@Operation(
			summary = "For past quarters: the forecast and commit of the snapshot each is judged by (its first, if from week 1 or 2; else null with the reason) against what closed")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	List<Map<String, Object>> versusActual(Viewer viewer, @RequestParam(required = false) Scope.Kind scope,
			@RequestParam(required = false) Long scopeId, @RequestParam(defaultValue = "4") int quarters) {
		var asked = this.forecasts.asked(viewer, scope, scopeId);
		if (quarters < 1 || quarters > MAX_QUARTERS) {
			throw InvalidInputException.of("quarters", "must be between 1 and " + MAX_QUARTERS);
		}
		return this.history.versusActual(viewer, asked, quarters);
	}

	@GetMapping("/forecast/quotas")
	List<Quota> quotas(Viewer viewer, @RequestParam(required = false) String quarter) {
		return this.quotas.list(viewer, quarter == null ? this.calendar.currentQuarter().label() : quarter);
	}

	@PutMapping("/forecast/quotas")
	@PreAuthorize("hasAnyRole('ADMIN', 'SALES_MANAGER')")
	@Operation(
			summary = "Set a rep's, manager's or PAM's quota, or the program's partner target (scope PARTNERS), for a quarter")
	@ActsOn(value = QuotaChecks.Setter.class, from = ActsOn.From.BODY)
	Quota setQuota(Viewer viewer, @jakarta.validation.Valid @RequestBody QuotaCommand command,
			org.springframework.validation.BindingResult binding) {
		// an amount that cannot be read is named with the quota's own checks
		com.trellis.shared.BodyChecks.require(binding, () -> this.quotas.check(viewer, command));
		return this.quotas.set(viewer, command);
	}

	@GetMapping("/forecast/accuracy")
	@Operation(
			summary = "For the quarter of a day that has ended: the forecast in weeks 1, 5 and 9 against what closed",
			description = "A quarter that has not ended has no actual yet: no points, finished false and the reason.")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	ForecastAccuracy accuracy(Viewer viewer, @RequestParam(required = false) Scope.Kind scope,
			@RequestParam(required = false) Long scopeId, @RequestParam(required = false) LocalDate day) {
		var asked = this.forecasts.asked(viewer, scope, scopeId);
		if (day == null) {
			throw InvalidInputException.of("day", "is required: a day in the quarter to measure");
		}
		return this.forecasts.accuracy(viewer, asked, checked("day", day));
	}

	@PostMapping("/opportunities/{id}/forecast-call")
	@ActsOn(CallChecks.Caller.class)
	void call(Viewer viewer, @PathVariable long id, @RequestBody Call call) {
		this.forecasts.call(viewer, id, call.commit());
	}

	/** A date parameter inside the program's date window; 400 naming it otherwise. */
	private LocalDate checked(String name, LocalDate day) {
		this.limits.dateProblem(day).ifPresent(problem -> {
			throw InvalidInputException.of(name, problem);
		});
		return day;
	}

	private LocalDate today() {
		return this.calendar.today();
	}

	record Call(boolean commit) {
	}

}
