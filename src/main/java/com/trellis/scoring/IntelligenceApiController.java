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
import com.trellis.shared.Reading;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The high-potential and drift lists as JSON and CSV: a PAM's book, every partner for
 * admins and executives; partner users and the field get 403.
 */
@RestController
@Tag(name = "Partner scores")
@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
class IntelligenceApiController {

	private final PartnerIntelligence intelligence;

	private final BusinessCalendar calendar;

	IntelligenceApiController(PartnerIntelligence intelligence, BusinessCalendar calendar) {
		this.intelligence = intelligence;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/scores/high-potential")
	List<HighPotentialLine> highPotential(Viewer viewer) {
		return this.intelligence.highPotential(viewer).stream().map(l -> l.worded(reader())).toList();
	}

	@GetMapping("/api/v1/scores/drift")
	List<DriftLine> drift(Viewer viewer) {
		return this.intelligence.drifting(viewer).stream().map(l -> l.worded(reader())).toList();
	}

	@GetMapping({ "/api/v1/scores/high-potential/export.csv", "/scores/high-potential/export.csv" })
	void highPotentialCsv(Viewer viewer, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("partner_id", "partner", "readiness", "behaviour", "trust", "pipeline_180_days", "reason",
				"evidence"));
		for (var l : highPotential(viewer)) {
			rows.add(Arrays.asList(l.partnerId(), l.partnerName(), l.readiness(), l.behaviour(), l.trust(),
					l.pipeline180Days(), l.reason(), l.evidence()));
		}
		CsvExport.writeRows(response, "high-potential.csv", rows);
	}

	@GetMapping({ "/api/v1/scores/drift/export.csv", "/scores/drift/export.csv" })
	void driftCsv(Viewer viewer, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("partner_id", "partner", "score", "state", "slope_points_per_week", "week_start", "reason",
				"signals", "raised_at"));
		for (var l : drift(viewer)) {
			rows.add(Arrays.asList(l.partnerId(), l.partnerName(), l.pillar().name(), l.state(), l.slope(),
					l.weekStart(), l.reason(), l.signals(), l.raisedAt()));
		}
		CsvExport.writeRows(response, "score-drift.csv", rows);
	}

	/** The caller's locale (their profile's, else the program's): a reason's notation. */
	private Locale reader() {
		return Reading.locale(this.calendar.locale());
	}

}
