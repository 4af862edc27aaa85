package com.trellis.metrics;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * KPIs as a page (with the trend of the revenue KPI as a chart) and as CSV.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize("!hasRole('PARTNER')")
class MetricsController {

	/**
	 * The KPIs that compare partner-involved deals with direct deals, charted side by
	 * side.
	 */
	private static final List<String> COMPARED = List.of("WIN_RATE", "AVERAGE_DEAL_SIZE", "SALES_CYCLE");

	private final Kpis kpis;

	private final ObjectMapper json;

	private final BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	MetricsController(Kpis kpis, ObjectMapper json, BusinessCalendar calendar,
			com.trellis.shared.validation.ValueLimits limits) {
		this.limits = limits;
		this.kpis = kpis;
		this.json = json;
		this.calendar = calendar;
	}

	@GetMapping("/metrics/funnel")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	String funnelPage(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue, Model model) {
		var period = period(from, to);
		var chosen = new Slice(slice, sliceValue);
		var steps = this.kpis.funnel(viewer, period, chosen);
		model.addAttribute("steps", steps);
		model.addAttribute("period", period);
		model.addAttribute("slice", chosen);
		model.addAttribute("kinds", SliceAccess.kinds(viewer));
		model.addAttribute("sliceOptions", this.kpis.sliceOptions(viewer, chosen));
		model.addAttribute("partnerOptions", SliceOptions.PARTNER_OPTIONS);
		var labels = steps.stream().map(FunnelStep::label).toList();
		var reached = Map
			.of("type", "bar", "data",
					Map.of("labels", labels, "datasets", List.of(Map.of("label", "Partner-involved", "data",
							steps.stream().map(s -> s.partner().reached()).toList(), "backgroundColor", "#3f6ad8"),
							Map.of("label", "Direct", "data", steps.stream().map(s -> s.direct().reached()).toList(),
									"backgroundColor", "#9aa5b1"))),
					"options",
					Map.of("plugins", Map.of("title", Map.of("display", true, "text", "Deals reaching each stage"))));
		var days = Map.of("type", "bar", "data",
				Map.of("labels", labels.subList(0, labels.size() - 1), "datasets", List.of(
						Map.of("label", "Partner-involved", "data",
								steps.stream().limit(steps.size() - 1).map(s -> s.partner().medianDays()).toList(),
								"backgroundColor", "#3f6ad8"),
						Map.of("label", "Direct", "data",
								steps.stream().limit(steps.size() - 1).map(s -> s.direct().medianDays()).toList(),
								"backgroundColor", "#9aa5b1"))),
				"options", Map.of("plugins", Map.of("title", Map.of("display", true, "text", "Median days in stage"))));
		model.addAttribute("reachedChart", this.json.writeValueAsString(reached));
		model.addAttribute("daysChart", this.json.writeValueAsString(days));
		return "metrics/funnel";
	}

	@GetMapping("/metrics")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	String page(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue, Model model) {
		var period = period(from, to);
		var chosen = new Slice(slice, sliceValue);
		var computed = this.kpis.compute(viewer, period, chosen);
		model.addAttribute("kpis", computed);
		model.addAttribute("comparisons", computed.stream()
			.filter(k -> COMPARED.contains(k.code()))
			.map(k -> Map.of("code", k.code(), "chart",
					this.json.writeValueAsString(Map.of("type", "bar", "data", Map.of("labels",
							List.of(k.name().replaceAll(":.*", "") + " (" + k.unit().toLowerCase() + ")"), "datasets",
							List.of(Map.of("label", "Partner", "data", java.util.Arrays.asList(k.value()),
									"backgroundColor", "#3f6ad8"),
									Map.of("label", "Direct", "data", java.util.Arrays.asList(k.baseline()),
											"backgroundColor", "#d8893f")))))))
			.toList());
		model.addAttribute("period", period);
		model.addAttribute("slice", chosen);
		model.addAttribute("kinds", SliceAccess.kinds(viewer));
		model.addAttribute("sliceOptions", this.kpis.sliceOptions(viewer, chosen));
		model.addAttribute("partnerOptions", SliceOptions.PARTNER_OPTIONS);
		// the page's partner-sourced revenue is the trend's last point: computed once
		var trend = this.kpis.trend(viewer, SourcedRevenueTrend.CODE, period, chosen,
				computed.stream().filter(k -> SourcedRevenueTrend.CODE.equals(k.code())).findFirst().orElse(null));
		var chart = Map.of("type", "line", "data",
				Map.of("labels", trend.stream().map(p -> p.get("period")).toList(), "datasets",
						List.of(Map.of("label", "Partner-sourced revenue (reporting currency)", "data",
								trend.stream().map(p -> p.get("value")).toList(), "borderColor", "#3f6ad8"))));
		model.addAttribute("trendChart", this.json.writeValueAsString(chart));
		return "metrics/page";
	}

	/**
	 * The partners a breakdown can pick whose name contains {@code q}, as the picker's
	 * {@code <option>}s (at most {@value SliceOptions#PARTNER_OPTIONS}; a PAM's book
	 * only); {@code q} over {@value SliceOptions#SEARCH_LENGTH} characters is a 400
	 * naming it.
	 */
	@GetMapping(SliceOptions.PARTNER_SEARCH)
	String slicePartners(Viewer viewer, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("options", this.kpis.slicePartners(viewer, q));
		return "metrics/partner-options :: options";
	}

	/**
	 * The cohorts in use whose name contains {@code q}, as the picker's {@code <option>}s
	 * (at most {@value SliceOptions#PARTNER_OPTIONS}); {@code q} over
	 * {@value SliceOptions#SEARCH_LENGTH} characters is a 400 naming it.
	 */
	@GetMapping(SliceOptions.COHORT_SEARCH)
	String sliceCohorts(Viewer viewer, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("options", this.kpis.sliceCohorts(viewer, q));
		return "metrics/partner-options :: options";
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/metrics/export.csv")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	void export(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue, HttpServletResponse response) throws IOException {
		var rows = this.kpis.compute(viewer, period(from, to), new Slice(slice, sliceValue));
		com.trellis.shared.CsvExport.write(response, "kpis.csv",
				List.of("code", "name", "unit", "value", "baseline", "numerator", "denominator", "currency", "reason"),
				page -> new com.trellis.shared.PageResult<>(page == 0 ? rows : List.of(), page, rows.size() + 1,
						rows.size()),
				k -> java.util.Arrays.asList(k.code(), k.name(), k.unit(), k.value(), k.baseline(), k.numerator(),
						k.denominator(), k.currency(), k.reason()));
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.chosen(from, to, this.calendar, this.limits);
	}

}
