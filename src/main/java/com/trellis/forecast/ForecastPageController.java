package com.trellis.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The forecast roll-up of the viewer's own scope for this and next quarter, as figures
 * and a chart.
 */
@Controller
class ForecastPageController {

	private final Forecasts forecasts;

	private final ObjectMapper json;

	private final Clock clock;

	ForecastPageController(Forecasts forecasts, ObjectMapper json, Clock clock) {
		this.forecasts = forecasts;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/forecast")
	String page(Viewer viewer, Model model) {
		var scope = switch (viewer.role()) {
			case ADMIN, EXECUTIVE -> Scope.PROGRAM;
			case SALES_MANAGER -> new Scope(Scope.Kind.MANAGER, viewer.userId());
			case AE -> new Scope(Scope.Kind.REP, viewer.userId());
			case PAM -> new Scope(Scope.Kind.PAM, viewer.userId());
			case PARTNER -> new Scope(Scope.Kind.PARTNER, viewer.partnerId());
		};
		var today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		var quarters = List.of(today, today.plusMonths(3));
		var rows = quarters.stream()
			.map(day -> Map.<String, Object>of("quarter", com.trellis.shared.Quarters.label(day), "figures",
					this.forecasts.rollUp(viewer, scope, day)))
			.toList();
		model.addAttribute("scope", scope);
		model.addAttribute("rows", rows);
		if (!viewer.is(Role.PARTNER)) {
			model.addAttribute("probabilities", this.forecasts.probabilities());
		}
		var labels = List.of("Closed so far", "Commit", "Best case", "Weighted pipeline");
		var datasets = rows.stream().map(row -> {
			@SuppressWarnings("unchecked")
			var f = (Map<String, Object>) row.get("figures");
			return Map.of("label", row.get("quarter"), "data",
					List.of(f.get("closed"), f.get("commit"), f.get("bestCase"), f.get("weighted")));
		}).toList();
		model.addAttribute("chart", this.json
			.writeValueAsString(Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", datasets))));
		return "forecast/page";
	}

}
