package com.trellis.metrics;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvExport;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One KPI's page: its definition, figure, trend over six periods as a chart (with the
 * direct baseline where it has one) and the records behind it, a page at a time
 * ({@code page} from 0, {@code size} 1 to {@value PageRequest#MAX_SIZE}, default
 * {@value #PAGE_SIZE}; counted {@value PageRequest#COUNT_AHEAD} past the page), and every
 * record as CSV. A bad period, slice value, page or size answers 400 naming each.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize("!hasRole('PARTNER')")
class KpiDetailController {

	/**
	 * Records a page shows unless {@code size} says otherwise (at most
	 * {@value PageRequest#MAX_SIZE}).
	 */
	static final int PAGE_SIZE = 50;

	private final Kpis kpis;

	private final KpiRecordPages records;

	private final ObjectMapper json;

	private final BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	private final MessageSource messages;

	KpiDetailController(Kpis kpis, KpiRecordPages records, ObjectMapper json, BusinessCalendar calendar,
			com.trellis.shared.validation.ValueLimits limits, MessageSource messages) {
		this.records = records;
		this.messages = messages;
		this.limits = limits;
		this.kpis = kpis;
		this.json = json;
		this.calendar = calendar;
	}

	@GetMapping("/metrics/kpis/{code}")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	String kpi(Viewer viewer, @PathVariable String code, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HttpServletRequest request, Model model) {
		// a bad period, slice value, page and size named together
		FormErrors
			.checks(() -> period(from, to), () -> new Slice(slice, sliceValue),
					() -> PageRequest.listed(page, size == null ? PAGE_SIZE : size))
			.run();
		var period = period(from, to);
		var chosen = new Slice(slice, sliceValue);
		var paging = PageRequest.listed(page, size == null ? PAGE_SIZE : size);
		var kpi = this.kpis.compute(viewer, period, chosen, java.util.Set.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("code", "no KPI " + code));
		// the page's figure is the trend's last point: computed once
		var trend = this.kpis.trend(viewer, code, period, chosen, kpi);
		var datasets = new ArrayList<Map<String, Object>>();
		datasets.add(Map.of("label", kpi.name(), "data", trend.stream().map(p -> p.get("value")).toList(),
				"borderColor", "#3f6ad8", "backgroundColor", "#3f6ad8"));
		if (kpi.baseline() != null) {
			datasets.add(Map.of("label", "Direct deals", "data", trend.stream().map(p -> p.get("baseline")).toList(),
					"borderColor", "#d8893f", "backgroundColor", "#d8893f"));
		}
		model.addAttribute("kpi", kpi);
		model.addAttribute("period", period);
		model.addAttribute("slice", chosen);
		model.addAttribute("trendChart", this.json.writeValueAsString(Map.of("type", "line", "data",
				Map.of("labels", trend.stream().map(p -> p.get("period")).toList(), "datasets", datasets))));
		// a KPI without records (computed from something else) offers no list, no export
		boolean drillable = KpiRecords.hasRecords(code);
		model.addAttribute("drillable", drillable);
		var records = drillable ? this.records.page(viewer, code, period, chosen, paging)
				: new PageResult<Map<String, Object>>(List.of(), paging.page(), paging.size(), 0);
		// the rows' cells made once per page, the page's place in the list kept
		model.addAttribute("records",
				new PageResult<>(
						KpiRecordRows.of(records.items(), request.getContextPath(), this.messages,
								LocaleContextHolder.getLocale()),
						records.page(), records.size(), records.total(), records.totalExact()));
		return "metrics/kpi";
	}

	/**
	 * Every record of the KPI, written as read (no limit): the same rows and order as the
	 * page's, with {@code amountUnknown}. The code and the slice are checked before the
	 * file starts.
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/metrics/kpis/{code}/records.csv")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	void records(Viewer viewer, @PathVariable String code, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue, HttpServletResponse response) throws IOException {
		FormErrors.checks(() -> period(from, to), () -> new Slice(slice, sliceValue)).run();
		var period = period(from, to);
		var chosen = new Slice(slice, sliceValue);
		this.records.check(viewer, code, chosen);
		CsvExport.<Map<String, Object>>stream(response, code.toLowerCase(java.util.Locale.ROOT) + "-records.csv",
				List.of("kind", "id", "side", "label", "value", "currency", "counted", "amountUnknown"),
				each -> this.records.each(viewer, code, period, chosen, each), row -> new ArrayList<>(row.values()));
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.chosen(from, to, this.calendar, this.limits);
	}

}
