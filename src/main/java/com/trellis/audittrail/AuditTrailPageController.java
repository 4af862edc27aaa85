package com.trellis.audittrail;

import java.time.LocalDate;

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

}
