package com.trellis.guidance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvExport;
import com.trellis.shared.Reading;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The caller's recommendations as CSV ({@code GET /guidance/export.csv}, also under
 * {@code /api/v1/guidance/export.csv}): the waiting ones in the page's order (best
 * first), then every one handled, newest first (the page shows the latest 20). One row
 * each: id, state ({@code OPEN}, {@code ACCEPTED}, {@code DISMISSED}, {@code SNOOZED}),
 * kind and its label, the partner's id where it is about one, title and reason worded in
 * the caller's locale (figures in its notation, as the page shows them), the action's
 * label and link (a path of Trellis), the day it was first shown, the day a snoozed one
 * shows again, the dismissal's reason, when the person acted and when the outcome it
 * aimed at happened (moments in UTC, ISO 8601). Each person exports only their own; no
 * parameter.
 */
@Controller
class GuidanceExport {

	static final List<String> HEADER = List.of("id", "state", "kind", "kind_label", "partner_id", "title", "reason",
			"action_label", "action_link", "shown_on", "snoozed_until", "dismiss_reason", "acted_at", "outcome_at");

	private final Guidance guidance;

	private final BusinessCalendar calendar;

	GuidanceExport(Guidance guidance, BusinessCalendar calendar) {
		this.guidance = guidance;
		this.calendar = calendar;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping({ "/guidance/export.csv", "/api/v1/guidance/export.csv" })
	void export(Viewer viewer, HttpServletResponse response) throws IOException {
		var locale = Reading.locale(this.calendar.locale());
		var rows = new ArrayList<List<?>>();
		rows.add(HEADER);
		var written = new HashSet<Long>();
		var current = this.guidance.current(viewer);
		var handled = this.guidance.everyHandled(viewer);
		for (var list : List.of(current, handled)) {
			for (var r : list) {
				if (written.add(r.id())) {
					rows.add(row(r.worded(locale)));
				}
			}
		}
		CsvExport.writeRows(response, "guidance.csv", rows);
	}

	private static List<?> row(RecommendationView r) {
		return Arrays.asList(r.id(), r.state(), r.kind().name(), r.kindLabel(), r.partnerId(), r.title(), r.reason(),
				r.actionLabel(), r.actionLink(), r.shownOn(), r.snoozedUntil(), r.dismissReason(), r.actedAt(),
				r.outcomeAt());
	}

}
