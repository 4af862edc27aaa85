package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.BusinessCalendar;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast roll-up of the viewer's own scope for this and next quarter against quota,
 * what changed since last week, the forecast against actuals of past quarters, the
 * learned probabilities and norms, and the quota form.
 */
@Controller
class ForecastPageController {

	private static final int DEAL_LINES = 50;

	private final Forecasts forecasts;

	private final ForecastQuotas quotas;

	private final ForecastHistory history;

	private final Users users;

	private final ObjectMapper json;

	private final BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	ForecastPageController(Forecasts forecasts, ForecastQuotas quotas, ForecastHistory history, Users users,
			ObjectMapper json, BusinessCalendar calendar, com.trellis.shared.validation.ValueLimits limits) {
		this.limits = limits;
		this.forecasts = forecasts;
		this.quotas = quotas;
		this.history = history;
		this.users = users;
		this.json = json;
		this.calendar = calendar;
	}

	/**
	 * The page for the viewer's own scope, or for {@code scope} and {@code scopeId} when
	 * the viewer may see it (403 otherwise; a {@code scopeId} without {@code scope} is a
	 * 400 naming it), for the quarter of {@code day} (today when absent) and the next. A
	 * day outside the program's date window is a 400 naming it.
	 */
	@GetMapping("/forecast")
	@ActsOn(value = ScopeChecks.class, from = ActsOn.From.BODY, key = "scopeId")
	String page(Viewer viewer, @RequestParam(name = "scope", required = false) Scope.Kind kind,
			@RequestParam(required = false) Long scopeId, @RequestParam(required = false) LocalDate day, Model model) {
		var scope = this.forecasts.asked(viewer, kind, scopeId);
		this.forecasts.allowed(viewer, scope);
		if (day != null) {
			this.limits.dateProblem(day).ifPresent(problem -> {
				throw com.trellis.shared.InvalidInputException.of("day", problem);
			});
		}
		var today = day == null ? this.calendar.today() : day;
		var quarter = this.calendar.quarterOf(today);
		var quarters = List.of(quarter.start(), quarter.next().start());
		List<Map<String, Object>> rows;
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			// the program's and the partner deals' tables; for the program, both
			// quarters' two roll-ups from one reading of the open pipeline
			var both = Scope.PROGRAM.equals(scope) ? this.forecasts.programAndPartners(viewer, quarters) : null;
			rows = both == null ? rows(viewer, scope, quarters) : rows(scope, quarters, i -> both.get(i).get(0));
			var partnerRows = both == null ? rows(viewer, Scope.PARTNERS, quarters)
					: rows(Scope.PARTNERS, quarters, i -> both.get(i).get(1));
			model.addAttribute("tables", List.of(rows, partnerRows));
		}
		else {
			rows = rows(viewer, scope, quarters);
			model.addAttribute("tables", List.of(rows));
		}
		model.addAttribute("scope", scope);
		model.addAttribute("scopeName", this.quotas.scopeName(scope).orElse(null));
		model.addAttribute("rows", rows);
		model.addAttribute("canSetTarget", viewer.is(Role.ADMIN));
		if (!viewer.is(Role.PARTNER)) {
			model.addAttribute("probabilities", this.forecasts.probabilities());
			model.addAttribute("norms", this.forecasts.norms());
			model.addAttribute("lines", this.forecasts.lines(viewer, scope, today, DEAL_LINES));
			model.addAttribute("changes", this.history.changes(viewer, scope));
			var past = this.history.versusActual(viewer, scope, 4);
			model.addAttribute("past", past);
			model.addAttribute("pastChart",
					this.json.writeValueAsString(Map.of("type", "bar", "data",
							Map.of("labels", past.stream().map(ForecastPageController::pastLabel).toList(), "datasets",
									List.of(dataset("Forecast at the quarter's start (week 1 or 2)", past, "forecast"),
											dataset("Commit at the quarter's start (week 1 or 2)", past, "commit"),
											dataset("Actual closed-won", past, "actual"))))));
		}
		if (viewer.is(Role.ADMIN, Role.SALES_MANAGER)) {
			// the form's option the last refused post sent stays chosen
			var sent = model.getAttribute("quotaForm") instanceof QuotaForm form ? form.target() : null;
			model.addAttribute("quotaPeople", quotaPeople(viewer).stream().map(u -> QuotaOption.of(u, sent)).toList());
			model.addAttribute("quotaQuarters",
					quarters.stream().map(d -> this.calendar.quarterOf(d).label()).toList());
			model.addAttribute("quotaList", this.quotas.list(viewer, quarter));
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

	@PostMapping("/forecast/quotas")
	@PreAuthorize("hasAnyRole('ADMIN', 'SALES_MANAGER')")
	@ActsOn(value = QuotaChecks.Setter.class, from = ActsOn.From.BODY)
	String setQuota(Viewer viewer, @ModelAttribute("quotaForm") QuotaForm form, BindingResult binding,
			RedirectAttributes redirect) {
		// an amount that cannot be read is named on the page with the other fields, as
		// typed
		return FormAction.run(redirect, "/forecast", "Quota saved", "quotaForm", form, binding,
				() -> form.check(this.quotas, viewer), () -> {
					form.check(this.quotas, viewer);
					this.quotas.set(viewer, form.command());
				});
	}

	private List<Map<String, Object>> rows(Viewer viewer, Scope scope, List<LocalDate> quarters) {
		var figures = this.forecasts.rollUps(viewer, scope, quarters);
		return rows(scope, quarters, figures::get);
	}

	/** One row per quarter with the quarter's figures, {@code figures} by its index. */
	private List<Map<String, Object>> rows(Scope scope, List<LocalDate> quarters,
			java.util.function.IntFunction<Map<String, BigDecimal>> figuresOf) {
		return java.util.stream.IntStream.range(0, quarters.size()).mapToObj(i -> {
			var day = quarters.get(i);
			var figures = figuresOf.apply(i);
			var quota = this.quotas.attainment(scope, day, figures).orElse(null);
			var row = new java.util.HashMap<String, Object>();
			row.put("quarter", this.calendar.quarterOf(day).label());
			row.put("figures", figures);
			row.put("quota", quota);
			return (Map<String, Object>) row;
		}).toList();
	}

	/**
	 * Whose quota the viewer may set: everyone for the admin, the team for a manager;
	 * active users only (a deactivated user gets no quota).
	 */
	private List<UserSummary> quotaPeople(Viewer viewer) {
		var people = new ArrayList<UserSummary>();
		if (viewer.is(Role.ADMIN)) {
			people.addAll(this.users.withRole(Role.AE));
			people.addAll(this.users.withRole(Role.SALES_MANAGER));
			people.addAll(this.users.withRole(Role.PAM));
		}
		else {
			people.addAll(this.users.byIds(this.users.reportsOf(viewer.userId())).values());
		}
		people.removeIf(u -> u.role() != Role.AE && u.role() != Role.SALES_MANAGER && u.role() != Role.PAM);
		var enabled = this.users.enabledAmong(people.stream().map(UserSummary::id).toList());
		people.removeIf(u -> !enabled.contains(u.id()));
		people.sort(java.util.Comparator.comparing(UserSummary::role).thenComparing(UserSummary::displayName));
		return people;
	}

	/**
	 * An option of the quota form's "whose quota": the value the form sends
	 * ({@code REP:}, {@code MANAGER:} or {@code PAM:} and the user's id), the label, and
	 * whether the last refused post chose it. Made here, not in the template: the admin's
	 * list holds every AE, sales manager and PAM (641 on the large data), and the
	 * template's expressions per option were most of the page's rendering time.
	 */
	record QuotaOption(String key, String label, boolean selected) {

		static QuotaOption of(UserSummary user, String sent) {
			var kind = switch (user.role()) {
				case AE -> "REP";
				case SALES_MANAGER -> "MANAGER";
				default -> "PAM";
			};
			var key = kind + ":" + user.id();
			return new QuotaOption(key, user.displayName() + " (" + user.role().label() + ")", key.equals(sent));
		}

	}

	private static Map<String, Object> dataset(String label, List<Map<String, Object>> past, String key) {
		// a quarter not judged by a snapshot has no forecast: a gap in the chart
		return Map.of("label", label, "data", past.stream().map(p -> p.get(key)).toList());
	}

	/**
	 * A past quarter's label in the chart, with the week of the snapshot its forecast is
	 * judged by, or why it has none ({@link OpeningSnapshot}).
	 */
	private static String pastLabel(Map<String, Object> past) {
		return past.get("reason") == null
				? past.get("quarter") + " (forecast of week " + past.get("weekOfQuarter") + ")"
				: past.get("quarter") + " (no forecast: first snapshot in week " + past.get("weekOfQuarter") + ")";
	}

}
