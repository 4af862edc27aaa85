package com.trellis.forecast;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvExport;
import com.trellis.shared.ExportSnapshot;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.ValueLimits;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deals in a quarter's forecast as CSV ({@code GET /forecast/export.csv}): every open
 * deal the roll-up of a scope counts for the quarter of {@code day} (today when absent),
 * largest first, where the page lists the 50 largest. The scope is asked as on the page
 * ({@code scope}, {@code scopeId}; the viewer's own when absent) and refused as there: a
 * scope not the viewer's to see 403 before anything else is read, a partner user 403 (the
 * lines are for vendor staff), a bad {@code day} or {@code scopeId} 400 naming it before
 * the file starts.
 * <p>
 * Columns: the fiscal quarter's label; the deal's id and name, its partner (empty for a
 * direct deal), owner and stage; its expected close (a business-calendar date); its
 * amount in the reporting currency ({@code currency}) at that currency's minor unit
 * (empty when the amount is unknown); the learned probability to win as a fraction 0–1
 * from its stage and group; the weighted amount (amount × probability, at the minor
 * unit); the category (COMMIT, BEST_CASE or PIPELINE); whether the amount is unknown. The
 * roll-up's weighted pipeline is the sum of the {@code weighted} column, to the rounding
 * of each line.
 */
@Controller
class ForecastExport {

	static final List<String> HEADER = List.of("quarter", "opportunity_id", "deal", "partner", "owner", "stage",
			"expected_close", "currency", "amount", "probability", "weighted", "category", "amount_unknown");

	private final Forecasts forecasts;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	ForecastExport(Forecasts forecasts, BusinessCalendar calendar, ValueLimits limits) {
		this.forecasts = forecasts;
		this.calendar = calendar;
		this.limits = limits;
	}

	@ExportSnapshot
	@GetMapping("/forecast/export.csv")
	// a partner user is refused before any parameter is read (try16: a bad day was named)
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER', 'EXECUTIVE')")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	void export(Viewer viewer, @RequestParam(name = "scope", required = false) Scope.Kind kind,
			@RequestParam(required = false) Long scopeId, @RequestParam(required = false) LocalDate day,
			HttpServletResponse response) throws IOException {
		var scope = this.forecasts.asked(viewer, kind, scopeId);
		if (day != null) {
			this.limits.dateProblem(day).ifPresent(problem -> {
				throw InvalidInputException.of("day", problem);
			});
		}
		var chosen = day == null ? this.calendar.today() : day;
		var quarter = this.calendar.quarterOf(chosen).label();
		var lines = this.forecasts.allLines(viewer, scope, chosen);
		CsvExport.<ForecastLine>stream(response, "forecast.csv", HEADER, lines::forEach,
				l -> Arrays.asList(quarter, l.opportunityId(), l.name(), l.partner(), l.owner(), l.stage(),
						l.expectedClose(), ReportingCurrency.CODE, l.amount(), l.probability(),
						l.amount() == null ? null : ReportingCurrency.round(l.amount().multiply(l.probability())),
						l.category(), l.amountUnknown()));
	}

}
