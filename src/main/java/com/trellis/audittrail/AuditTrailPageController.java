package com.trellis.audittrail;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page {@code /admin/audit}: the audit log for program admins, newest first, with the
 * API's filters ({@link AuditTrailApiController}) as a form and each entry's record
 * before and after shown on demand.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditTrailPageController {

	private final AuditTrailReads reads;

	AuditTrailPageController(AuditTrailReads reads) {
		this.reads = reads;
	}

	@GetMapping("/admin/audit")
	String entries(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) Long actorId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var query = new AuditTrailQuery(entityType, entityId, actorId, from, to);
		model.addAttribute("result", this.reads.read(query, page, size));
		model.addAttribute("query", query);
		model.addAttribute("zone", this.reads.zone());
		return "audittrail/entries";
	}

	/**
	 * The entries the page shows with the same filters, every page, newest first, as CSV:
	 * {@code occurred_at} in UTC (ISO 8601), {@code before} and {@code after} the JSON
	 * the page shows, empty where the entry has none.
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/admin/audit/export.csv")
	void export(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) Long actorId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
		var query = new AuditTrailQuery(entityType, entityId, actorId, from, to);
		// the filters checked (a bad one named, 400) before the file starts
		this.reads.check(query);
		CsvExport.write(response, "audit-trail.csv",
				List.of("id", "occurred_at", "actor_id", "actor", "entity_type", "entity_id", "action", "before",
						"after"),
				page -> this.reads.read(query, page, PageRequest.MAX_SIZE), e -> Arrays.asList(e.id(), e.occurredAt(),
						e.actorId(), e.actorName(), e.entityType(), e.entityId(), e.action(), e.before(), e.after()));
	}

}
