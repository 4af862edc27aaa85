package com.trellis.audittrail;

import java.time.LocalDate;

import com.trellis.audit.AuditRecord;
import com.trellis.shared.PageResult;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit log for program admins (others 403, before any
 * parameter is read), newest first, a page of {@code size} (1–200, default 50) entries
 * with {@code total} counted up to 1,000 past the page ({@code totalExact} false beyond).
 * Each entry: {@code id}, {@code occurredAt} (UTC), {@code actorId} (null: the system),
 * {@code actorName}, {@code entityType}, {@code entityId}, {@code action} and the record
 * {@code before} and {@code after} as JSON. Filters: {@code entityType}, {@code entityId}
 * (with {@code entityType}), {@code actorId}, {@code from} and {@code to} (business days,
 * inclusive, in the program's time zone); a bad one is a 400 naming it.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditTrailApiController {

	private final AuditTrailReads reads;

	AuditTrailApiController(AuditTrailReads reads) {
		this.reads = reads;
	}

	@GetMapping("/api/v1/audit")
	PageResult<AuditRecord> entries(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) Long actorId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.reads.read(new AuditTrailQuery(entityType, entityId, actorId, from, to), page, size);
	}

}
