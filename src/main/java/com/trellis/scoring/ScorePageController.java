package com.trellis.scoring;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scorecard page (vendor staff for any partner, a partner user for its own), the
 * small summary the partner portal loads, and the PAM's book of scores.
 */
@Controller
class ScorePageController {

	/**
	 * The order of the book's chart: its {@value PageRequest#MAX_SIZE} best behaviours.
	 */
	private static final String BOOK_CHART_SORT = "behaviour";

	private final PartnerScores scores;

	/** The query parameters of the two lists' pages (the pager keeps the others). */
	private static final String POTENTIAL_PAGE = "potentialPage";

	private static final String DRIFT_PAGE = "driftPage";

	private final ScoreBookLists lists;

	private final ObjectMapper json;

	ScorePageController(PartnerScores scores, ScoreBookLists lists, ObjectMapper json) {
		this.scores = scores;
		this.lists = lists;
		this.json = json;
	}

	@GetMapping("/partners/{id}/scorecard")
	String scorecard(Viewer viewer, @PathVariable long id, Model model) {
		var card = this.scores.scorecard(viewer, id);
		model.addAttribute("card", card);
		model.addAttribute("chart", this.json.writeValueAsString(chart(card)));
		return "scoring/scorecard";
	}

	@GetMapping("/partners/{id}/scorecard/summary")
	String summary(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("card", this.scores.scorecard(viewer, id));
		return "scoring/summary :: summary";
	}

	/**
	 * The book of scores: a page of score lines ({@code sort}, {@code page},
	 * {@code size}), the chart, and a page each of the high-potential list
	 * ({@code potentialPage}, {@code potentialSize}) and of the drift alerts in force
	 * ({@code driftPage}, {@code driftSize}), 25 rows unless sized, with their totals
	 * ({@link ScoreBookLists}). Every bad parameter is named at once (400).
	 */
	@GetMapping("/scores")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	String book(Viewer viewer, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) Integer potentialPage,
			@RequestParam(required = false) Integer potentialSize, @RequestParam(required = false) Integer driftPage,
			@RequestParam(required = false) Integer driftSize, Model model) {
		// a bad sort and every bad page and size are named together
		com.trellis.shared.FormErrors
			.checks(() -> ScoreExports.sort(sort), () -> PageRequest.of(page, size == null ? 50 : size),
					() -> PageRequest.named(POTENTIAL_PAGE, potentialPage, "potentialSize", potentialSize),
					() -> PageRequest.named(DRIFT_PAGE, driftPage, "driftSize", driftSize))
			.run();
		var order = ScoreExports.sort(sort);
		var request = PageRequest.of(page, size == null ? 50 : size);
		var chart = this.scores.list(viewer, BOOK_CHART_SORT, new PageRequest(0, PageRequest.MAX_SIZE));
		model.addAttribute("sort", order);
		// sorted as the chart and within its lines: the page is read with them
		boolean withinChart = BOOK_CHART_SORT.equals(order)
				&& (long) request.offset() + request.size() <= PageRequest.MAX_SIZE;
		model.addAttribute("lines", withinChart ? within(chart, request) : this.scores.list(viewer, order, request));
		model.addAttribute("bookChart", this.json.writeValueAsString(BookChart.of(chart.items())));
		var highPotential = this.lists.highPotential(viewer,
				PageRequest.named(POTENTIAL_PAGE, potentialPage, "potentialSize", potentialSize));
		model.addAttribute("highPotential", highPotential.value());
		model.addAttribute("highPotentialAsOf", highPotential.asOf());
		model.addAttribute("drifting",
				this.lists.drifting(viewer, PageRequest.named(DRIFT_PAGE, driftPage, "driftSize", driftSize)));
		return "scoring/book";
	}

	/**
	 * A page of the book in the chart's order cut from the chart's lines (the first
	 * {@value PageRequest#MAX_SIZE} in that order, with the book's total); the page lies
	 * within them.
	 */
	private static PageResult<ScoreLine> within(PageResult<ScoreLine> chart, PageRequest request) {
		var items = chart.items();
		int from = Math.min(request.offset(), items.size());
		int to = Math.min(request.offset() + request.size(), items.size());
		return new PageResult<>(items.subList(from, to), request.page(), request.size(), chart.total());
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/scores/export.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
	void export(Viewer viewer, @RequestParam(required = false) String sort, HttpServletResponse response)
			throws IOException {
		ScoreExports.write(this.scores, viewer, ScoreExports.sort(sort), response);
	}

	private static Map<String, Object> chart(PartnerScorecard card) {
		var labels = card.history().stream().map(WeekScores::fiscalWeek).toList();
		var datasets = List.of(line("Readiness", card.history().stream().map(WeekScores::readiness).toList()),
				line("Behaviour", card.history().stream().map(WeekScores::behaviour).toList()),
				line("Trust", card.history().stream().map(WeekScores::trust).toList()));
		var options = Map.of("scales", Map.of("y", Map.of("min", 0, "max", 100)), "spanGaps", false);
		return Map.of("type", "line", "data", Map.of("labels", labels, "datasets", datasets), "options", options);
	}

	private static Map<String, Object> line(String label, List<?> values) {
		var line = new HashMap<String, Object>();
		line.put("label", label);
		line.put("data", values);
		return line;
	}

}
