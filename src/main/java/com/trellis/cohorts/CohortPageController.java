package com.trellis.cohorts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.InvalidInputException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Cohorts page (admins and executives: every cohort; a PAM: the cohorts of the book
 * over its own partners): a page of the cohorts ({@code page}, {@code size}: 25 by
 * default) with their journey this week, the partners moving stage each week, and the
 * charted cohorts' weekly figures side by side, one line per cohort in each chart
 * ({@link CohortPage}).
 */
@Controller
class CohortPageController {

	private final Cohorts cohorts;

	private final CohortPage page;

	private final ObjectMapper json;

	private final CohortCriteria criteria;

	CohortPageController(Cohorts cohorts, CohortPage page, ObjectMapper json, CohortCriteria criteria) {
		this.cohorts = cohorts;
		this.criteria = criteria;
		this.page = page;
		this.json = json;
	}

	/**
	 * The cohorts to chart, as picked; other text in the list is named as {@code show}.
	 */
	private static List<Long> shownIds(List<String> show, com.trellis.shared.FormFields fields) {
		if (show == null) {
			return null;
		}
		var ids = show.stream()
			.filter(v -> v.strip().matches("[0-9]{1,18}"))
			.map(v -> Long.valueOf(v.strip()))
			.toList();
		if (ids.size() < show.size()) {
			fields.reject("show", "must be cohort ids; '" + com.trellis.shared.Quoted.of(String.join(",", show))
					+ "' holds other text");
		}
		return ids;
	}

	@GetMapping("/cohorts")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	String page(Viewer viewer, @RequestParam(required = false) List<String> show,
			@RequestParam(required = false) String weeks, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model) {
		// taken as text, so that every unreadable parameter is named with the others'
		// problems in one answer (try71b: weeks=53&show=abc named show alone)
		var fields = new com.trellis.shared.FormFields();
		var chosen = shownIds(show, fields);
		var window = fields.whole("weeks", weeks);
		var pageNumber = fields.whole("page", page);
		var pageSize = fields.whole("size", size);
		if (fields.hasErrors()) {
			fields.check(() -> this.page.read(viewer, chosen, window, pageNumber, pageSize));
		}
		var read = this.page.read(viewer, chosen, window, pageNumber, pageSize);
		var figures = read.figures();
		model.addAttribute("journeyAsOf", figures.journeyAsOf());
		model.addAttribute("figuresAsOf", figures.figuresAsOf());
		var charts = new LinkedHashMap<String, String>();
		var picked = figures.lines();
		charts.put("cohorts.pipelineCreated", chart(picked, CohortMetricWeek::pipelineCreated, null));
		charts.put("cohorts.aeReferrals", chart(picked, m -> BigDecimal.valueOf(m.aeReferrals()), null));
		charts.put("cohorts.winVelocity", chart(picked, CohortMetricWeek::winVelocityDays, null));
		charts.put("cohorts.activationRate", chart(picked, CohortMetricWeek::activationRate, 100));
		charts.put("cohorts.readinessMedian", chart(picked, CohortMetricWeek::readinessMedian, 100));
		var onPage = read.cohorts().items().stream().map(CohortView::id).collect(Collectors.toSet());
		model.addAttribute("result", read.cohorts());
		model.addAttribute("cohorts", read.cohorts().items());
		model.addAttribute("journey", figures.journey());
		model.addAttribute("scores", figures.scores());
		model.addAttribute("shown", read.shown());
		// the charted cohorts of other pages stay charted when the reader picks on this
		// one
		model.addAttribute("shownElsewhere", read.shown().stream().filter(id -> !onPage.contains(id)).toList());
		model.addAttribute("charts", charts);
		model.addAttribute("moves", this.json.writeValueAsString(moves(figures.moves())));
		return "cohorts/cohorts";
	}

	@GetMapping("/cohorts/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	String cohort(Viewer viewer, @PathVariable long id, Model model) {
		var history = this.cohorts.memberships(viewer, id);
		model.addAttribute("history", history);
		model.addAttribute("cohortName", history.get(0).cohort());
		model.addAttribute("cohortId", id);
		model.addAttribute("criteria", this.criteria.cohortCriteria(viewer, id));
		model.addAttribute("criteriaVersion", this.criteria.version(id));
		return "cohorts/cohort";
	}

	@PostMapping("/cohorts/{id}/journey-criteria")
	@com.trellis.identity.ActsOn(CohortChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	String setCriteria(Viewer viewer, @PathVariable long id, @ModelAttribute CriteriaForm form, BindingResult binding,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		return FormAction.keepingVersion(redirect, version, FormAction.run(redirect, "/cohorts/" + id,
				"Journey criteria saved; the next placement uses them for this cohort", form, binding, () -> {
					// every field is text: binding refuses none of them, the action's
					// checks name each
				}, () -> {
					var unread = new ArrayList<InvalidInputException.FieldError>();
					var criteria = form.read(unread);
					this.criteria.changeCohortCriteria(viewer, id, criteria, unread,
							com.trellis.shared.FormFields.seenVersionIfSent(version));
				}));
	}

	/**
	 * The criteria form as typed; {@link #read} turns it into criteria, naming each field
	 * it cannot read (and putting a valid stand-in there, so the other checks still run
	 * and every problem is reported at once).
	 */
	record CriteriaForm(String stage, String minEnablement180, String minDeals180, String minWins365,
			String minAeInvites365) implements Serializable {

		JourneyCriteria read(List<InvalidInputException.FieldError> unread) {
			JourneyStage parsed = JourneyStage.ACTIVATION;
			try {
				parsed = JourneyStage.valueOf(this.stage == null ? "" : this.stage.strip());
			}
			catch (IllegalArgumentException ex) {
				unread.add(new InvalidInputException.FieldError("stage",
						"must be one of AWARENESS, ACTIVATION, ACCELERATION"));
			}
			return new JourneyCriteria(parsed, whole("minEnablement180", this.minEnablement180, unread),
					whole("minDeals180", this.minDeals180, unread), whole("minWins365", this.minWins365, unread),
					whole("minAeInvites365", this.minAeInvites365, unread));
		}

		private static Integer whole(String field, String text, List<InvalidInputException.FieldError> unread) {
			if (text == null || text.isBlank()) {
				return null;
			}
			// digits beyond an int read as its end, which the criteria's bounds refuse in
			// their own words (try69: 1234567890 and 99999999999 were "no whole number")
			var read = com.trellis.shared.FormFields.nearestWhole(text);
			if (read == null) {
				unread.add(new InvalidInputException.FieldError(field, "must be a whole number"));
				return 0;
			}
			return read;
		}

	}

	@PostMapping("/cohorts/{id}/journey-criteria/{stage}/clear")
	@PreAuthorize("hasRole('ADMIN')")
	String clearCriteria(Viewer viewer, @PathVariable long id, @PathVariable String stage,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/cohorts/" + id, "The stage follows the program's criteria again",
				() -> this.criteria.clearCohortCriteria(viewer, id, stage));
	}

	@PostMapping("/cohorts/suggestion/apply")
	@PreAuthorize("hasRole('ADMIN')")
	String apply(Viewer viewer) {
		this.cohorts.applySuggestion(viewer);
		return "redirect:/cohorts";
	}

	private String chart(List<CohortMetricWeek> figures, Function<CohortMetricWeek, BigDecimal> value, Integer max) {
		var labels = new TreeSet<String>();
		figures.forEach(m -> labels.add(m.fiscalWeek()));
		var weeks = new ArrayList<>(labels);
		var lines = new LinkedHashMap<String, Object[]>();
		for (var m : figures) {
			var line = lines.computeIfAbsent(m.cohort(), k -> new Object[weeks.size()]);
			line[weeks.indexOf(m.fiscalWeek())] = value.apply(m);
		}
		var datasets = new ArrayList<Map<String, Object>>();
		lines.forEach((name, data) -> {
			var dataset = new HashMap<String, Object>();
			dataset.put("label", name);
			dataset.put("data", data);
			datasets.add(dataset);
		});
		var options = new HashMap<String, Object>();
		options.put("spanGaps", true);
		options.put("scales", Map.of("y", max == null ? Map.of("min", 0) : Map.of("min", 0, "max", max)));
		return this.json.writeValueAsString(
				Map.of("type", "line", "data", Map.of("labels", weeks, "datasets", datasets), "options", options));
	}

	/** Partners moving stage per week over every cohort of the scope, as a bar chart. */
	private static Map<String, Object> moves(java.util.TreeMap<String, Integer> byWeek) {
		return Map.of("type", "bar", "data",
				Map.of("labels", new ArrayList<>(byWeek.keySet()), "datasets",
						List.of(Map.of("label", "Partners moving stage", "data", new ArrayList<>(byWeek.values())))),
				"options", Map.of("scales", Map.of("y", Map.of("min", 0))));
	}

}
