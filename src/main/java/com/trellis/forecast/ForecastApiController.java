package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Forecast", description = "Learned probabilities, roll-ups, commit calls and accuracy")
class ForecastApiController {

	private final Forecasts forecasts;

	private final Clock clock;

	ForecastApiController(Forecasts forecasts, Clock clock) {
		this.forecasts = forecasts;
		this.clock = clock;
	}

	@GetMapping("/forecast/probabilities")
	@PreAuthorize("!hasRole('PARTNER')")
	Map<String, Map<String, StageProbabilities.Estimate>> probabilities() {
		return this.forecasts.probabilities();
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
	Map<String, BigDecimal> rollUp(Viewer viewer, @RequestParam(defaultValue = "PROGRAM") Scope.Kind scope,
			@RequestParam(required = false) Long scopeId, @RequestParam(required = false) LocalDate day) {
		return this.forecasts.rollUp(viewer, new Scope(scope, scopeId), day == null ? today() : day);
	}

	@GetMapping("/forecast/accuracy")
	List<Map<String, Object>> accuracy(Viewer viewer, @RequestParam(defaultValue = "PROGRAM") Scope.Kind scope,
			@RequestParam(required = false) Long scopeId, @RequestParam LocalDate day) {
		return this.forecasts.accuracy(viewer, new Scope(scope, scopeId), day);
	}

	@PostMapping("/opportunities/{id}/forecast-call")
	void call(Viewer viewer, @PathVariable long id, @RequestBody Call call) {
		this.forecasts.call(viewer, id, call.commit());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	record Call(boolean commit) {
	}

}
