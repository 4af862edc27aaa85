package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs, their trend and records, the funnel and exchange rates through the API.
 */
@RestController
@Tag(name = "Metrics", description = "Program KPIs over a period and slice, their trend and records")
class MetricsApiController {

	private final Kpis kpis;

	private final KpiRecordPages records;

	private final ExchangeRates rates;

	private final BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	MetricsApiController(Kpis kpis, KpiRecordPages records, ExchangeRates rates, BusinessCalendar calendar,
			com.trellis.shared.validation.ValueLimits limits) {
		this.rates = rates;
		this.records = records;
		this.limits = limits;
		this.kpis = kpis;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/kpis")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	@Operation(summary = "All KPIs for a period from..to (both days included) and a slice",
			description = "Defaults to the current quarter and the whole program (a PAM: their book; a partner: itself).")
	List<Kpi> all(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue) {
		return this.kpis.compute(viewer, period(from, to), new Slice(slice, sliceValue));
	}

	@GetMapping("/api/v1/kpis/funnel")
	@PreAuthorize("!hasRole('PARTNER')")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	@Operation(summary = "The stage funnel for a period from..to (both days included) and a slice",
			description = "Per stage, partner-involved against direct: deals that first reached it in the period, the share of them that reached any later stage since, median days in stage. Vendor staff only (403 for a partner user, as the page: the direct side counts the vendor's own deals).")
	List<FunnelStep> funnel(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Slice.Kind slice,
			@RequestParam(required = false) String sliceValue) {
		return this.kpis.funnel(viewer, period(from, to), new Slice(slice, sliceValue));
	}

	@GetMapping("/api/v1/kpis/{code}/trend")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	List<Map<String, Object>> trend(Viewer viewer, @PathVariable String code,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Slice.Kind slice, @RequestParam(required = false) String sliceValue) {
		return this.kpis.trend(viewer, code, period(from, to), new Slice(slice, sliceValue));
	}

	@GetMapping("/api/v1/kpis/{code}/records")
	@Operation(summary = "The records a KPI counts: kind, id, side, label, value, currency, counted, amountUnknown",
			description = "For a ratio every record of the denominator, counted true for those in the numerator. "
					+ "side: partner (the slice's partners), direct (no partner) or other (another partner's deal "
					+ "in a share of the whole program: pipeline contribution, co-sell share); a partner user gets "
					+ "its own partner's records only; of an overlap-sourced deal its partner is not on (asked for "
					+ "co-sell help on the vendor's deal, or taken off it) it gets kind deal-not-open, no page to open, "
					+ "and the label its co-sell request shows, else null. A deal of an amount KPI whose amount is unknown (an open "
					+ "deal imported without one) has value null and amountUnknown true; it adds nothing to the KPI. "
					+ "Paged: page (from 0, default 0) and size (1 to " + KpiRecords.LIMIT + ", default "
					+ KpiRecords.LIMIT + ") give the records from position page × size on, in the KPI's order; "
					+ "without them the first " + KpiRecords.LIMIT + ", as before paging. The header "
					+ KpiRecordList.CUT_HEADER + " says whether more records follow (true: ask for the next page). "
					+ "The KPI page's CSV export (/metrics/kpis/{code}/records.csv, signed in as vendor staff) "
					+ "lists every record at once. A bad page or size answers 400 naming it.")
	@ActsOn(value = SliceChecks.class, from = ActsOn.From.BODY, key = "slice")
	org.springframework.http.ResponseEntity<List<Map<String, Object>>> records(Viewer viewer, @PathVariable String code,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Slice.Kind slice, @RequestParam(required = false) String sliceValue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		int at = page == null ? 0 : page;
		int rows = size == null ? KpiRecords.LIMIT : size;
		// a bad period, slice value, page and size named together
		FormErrors.checks(() -> period(from, to), () -> new Slice(slice, sliceValue), () -> {
			var problems = PageRequest.problems(at, rows, KpiRecords.LIMIT);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
		}).run();
		var records = this.records.list(viewer, code, period(from, to), new Slice(slice, sliceValue), (long) at * rows,
				rows);
		return org.springframework.http.ResponseEntity.ok()
			.header(KpiRecordList.CUT_HEADER, Boolean.toString(records.cut()))
			.body(records.rows());
	}

	@GetMapping("/api/v1/exchange-rates")
	Map<String, BigDecimal> rates() {
		return this.rates.all();
	}

	@PutMapping("/api/v1/exchange-rates/{currency}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, BigDecimal> setRate(Viewer viewer, @PathVariable String currency, @RequestBody Rate rate) {
		return this.rates.set(viewer, currency, rate.toReporting());
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.chosen(from, to, this.calendar, this.limits);
	}

	record Rate(BigDecimal toReporting) {
	}

}
