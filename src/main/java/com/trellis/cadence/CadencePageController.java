package com.trellis.cadence;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The quarter's meetings, each meeting's pack as a page with charts, as PDF and as CSV,
 * and the quarter as an iCalendar file.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM')")
class CadencePageController {

	private final Packs packs;

	private final PackExports exports;

	private final ObjectMapper json;

	CadencePageController(Packs packs, PackExports exports, ObjectMapper json) {
		this.packs = packs;
		this.exports = exports;
		this.json = json;
	}

	@GetMapping("/cadence")
	String calendar(Viewer viewer, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) Long pam, Model model) {
		var current = this.packs.currentQuarter();
		// an empty quarter (the filter form sent blank) is the current one, as no quarter
		// is
		var shown = this.packs.quarter(quarter == null || quarter.isBlank() ? current : quarter);
		model.addAttribute("quarter", shown.label());
		model.addAttribute("previous", shown.previous().label());
		model.addAttribute("next", shown.next().label());
		model.addAttribute("currentWeek", shown.label().equals(current) ? this.packs.currentWeek() : 0);
		var rows = CalendarRows.of(this.packs.calendar(viewer, shown.label()), pam);
		model.addAttribute("entries", rows.rows());
		model.addAttribute("pams", rows.pams());
		model.addAttribute("chosen", rows.chosen());
		return "cadence/calendar";
	}

	@GetMapping("/cadence/{quarter}/{meeting}/{week}")
	@com.trellis.identity.ActsOn(value = CadenceChecks.OwnBook.class, from = com.trellis.identity.ActsOn.From.BODY,
			key = "pam")
	String pack(Viewer viewer, @PathVariable String quarter, @PathVariable Meeting meeting, @PathVariable String week,
			@RequestParam(required = false) Long pam, Model model) {
		var pack = this.packs.pack(viewer, quarter, meeting, Packs.week(week), pam);
		model.addAttribute("pack", pack);
		model.addAttribute("pam", pam);
		model.addAttribute("charts", pack.sections().stream().map(this::chart).toList());
		return "cadence/pack";
	}

	@GetMapping("/cadence/{quarter}/{meeting}/{week}/pack.pdf")
	@com.trellis.identity.ActsOn(value = CadenceChecks.OwnBook.class, from = com.trellis.identity.ActsOn.From.BODY,
			key = "pam")
	ResponseEntity<byte[]> pdf(Viewer viewer, @PathVariable String quarter, @PathVariable Meeting meeting,
			@PathVariable String week, @RequestParam(required = false) Long pam) {
		var pack = this.packs.pack(viewer, quarter, meeting, Packs.week(week), pam);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(pack, "pdf"))
			.body(this.exports.pdf(pack));
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/cadence/{quarter}/{meeting}/{week}/pack.csv")
	@com.trellis.identity.ActsOn(value = CadenceChecks.OwnBook.class, from = com.trellis.identity.ActsOn.From.BODY,
			key = "pam")
	void csv(Viewer viewer, @PathVariable String quarter, @PathVariable Meeting meeting, @PathVariable String week,
			@RequestParam(required = false) Long pam, HttpServletResponse response) throws IOException {
		var pack = this.packs.pack(viewer, quarter, meeting, Packs.week(week), pam);
		CsvExport.writeRows(response, fileName(pack, "csv"), PackExports.csv(pack));
	}

	@GetMapping("/cadence/{quarter}/calendar.ics")
	ResponseEntity<String> ics(Viewer viewer, @PathVariable String quarter) {
		var entries = this.packs.calendar(viewer, quarter);
		var base = URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/");
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("trellis-cadence-" + quarter + ".ics").build().toString())
			.body(this.exports.calendar(entries, base));
	}

	/** A Chart.js configuration for a charted section, or null. */
	private String chart(Pack.Section section) {
		if (section.chart() == null || section.rows().isEmpty()) {
			return null;
		}
		var columns = section.columns();
		var numeric = new ArrayList<Integer>();
		boolean money = columns.stream().anyMatch(c -> c.kind() == Pack.Kind.MONEY);
		for (int i = 1; i < columns.size(); i++) {
			if (money ? columns.get(i).kind() == Pack.Kind.MONEY : columns.get(i).numeric()) {
				numeric.add(i);
			}
		}
		Map<String, Object> data;
		if ("columns".equals(section.chart())) {
			var row = section.rows().get(0);
			data = Map.of("labels", numeric.stream().map(i -> columns.get(i).label()).toList(), "datasets", List
				.of(Map.of("label", String.valueOf(row.get(0)), "data", numeric.stream().map(row::get).toList())));
		}
		else {
			data = Map.of("labels", section.rows().stream().map(r -> String.valueOf(r.get(0))).toList(), "datasets",
					numeric.stream()
						.map(i -> Map.of("label", columns.get(i).label(), "data",
								section.rows().stream().map(r -> r.get(i)).toList()))
						.toList());
		}
		return this.json.writeValueAsString(Map.of("type", "bar", "data", data));
	}

	private static String attachment(Pack pack, String extension) {
		return ContentDisposition.attachment().filename(fileName(pack, extension)).build().toString();
	}

	private static String fileName(Pack pack, String extension) {
		return "trellis-" + pack.quarter() + "-w" + pack.week() + "-"
				+ pack.meeting().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "." + extension;
	}

}
