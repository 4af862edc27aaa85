package com.trellis.scoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.Reading;
import com.trellis.shared.ReportingCurrency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The high-potential and drift lists as JSON, a page at a time ({@code items},
 * {@code page}, {@code size}, {@code total}, {@code totalExact}: {@link PageResult}), and
 * whole as CSV: a PAM's book, every partner for admins and executives; partner users and
 * the field get 403 before any parameter is read.
 */
@RestController
@Tag(name = "Partner scores")
@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
class IntelligenceApiController {

	private final PartnerIntelligence intelligence;

	private final ScoreBookLists lists;

	private final BusinessCalendar calendar;

	IntelligenceApiController(PartnerIntelligence intelligence, ScoreBookLists lists, BusinessCalendar calendar) {
		this.intelligence = intelligence;
		this.lists = lists;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/scores/high-potential")
	@Operation(summary = "A page of the high-potential partners",
			description = "The viewer's scope (a PAM's book; every partner for admins and executives), computed now, "
					+ "best behaviour first, then partner id. Shape: items, page (from 0), size (1 to 200, 25 unless "
					+ "given), total (every line of the scope), totalExact (true). A bad page or size is a 400 naming it.")
	PageResult<HighPotentialLine> highPotential(Viewer viewer, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var request = PageRequest.of(page, size);
		var reader = reader();
		return this.lists.highPotentialNow(viewer, request).map(l -> l.worded(reader));
	}

	@GetMapping("/api/v1/scores/drift")
	@Operation(summary = "A page of the drift alerts in force",
			description = "The viewer's scope, stalling first, the steepest slope (points a week) first, then partner "
					+ "id and score. Shape: items, page (from 0), size (1 to 200, 25 unless given), total (every alert "
					+ "in force of the scope), totalExact (true). A bad page or size is a 400 naming it.")
	PageResult<DriftLine> drift(Viewer viewer, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var request = PageRequest.of(page, size);
		var reader = reader();
		return this.lists.drifting(viewer, request).map(l -> l.worded(reader));
	}

	/** Every high-potential line of the viewer's scope, computed now. */
	@com.trellis.shared.ExportSnapshot
	@GetMapping({ "/api/v1/scores/high-potential/export.csv", "/scores/high-potential/export.csv" })
	void highPotentialCsv(Viewer viewer, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		// the pipeline in the reporting currency, named beside it (try71b: a bare number)
		rows.add(List.of("partner_id", "partner", "readiness", "behaviour", "trust", "pipeline_180_days", "currency",
				"reason", "evidence"));
		var reader = reader();
		for (var l : this.intelligence.highPotential(viewer)) {
			var w = l.worded(reader);
			rows.add(Arrays.asList(w.partnerId(), w.partnerName(), w.readiness(), w.behaviour(), w.trust(),
					w.pipeline180Days(), ReportingCurrency.CODE, w.reason(), w.evidence()));
		}
		CsvExport.writeRows(response, "high-potential.csv", rows);
	}

	/** Every drift alert in force of the viewer's scope. */
	@com.trellis.shared.ExportSnapshot
	@GetMapping({ "/api/v1/scores/drift/export.csv", "/scores/drift/export.csv" })
	void driftCsv(Viewer viewer, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("partner_id", "partner", "score", "state", "slope_points_per_week", "week_start", "reason",
				"signals", "raised_at"));
		var reader = reader();
		for (var l : this.intelligence.drifting(viewer)) {
			var w = l.worded(reader);
			rows.add(Arrays.asList(w.partnerId(), w.partnerName(), w.pillar().name(), w.state(), w.slope(),
					w.weekStart(), w.reason(), w.signals(), w.raisedAt()));
		}
		CsvExport.writeRows(response, "score-drift.csv", rows);
	}

	/** The caller's locale (their profile's, else the program's): a reason's notation. */
	private Locale reader() {
		return Reading.locale(this.calendar.locale());
	}

}
