package com.trellis.hygiene;

import java.io.IOException;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data-hygiene report: program admins over the program, PAMs over their book, sales
 * managers over their team's books (the users reporting to them); the one-click fix and
 * queueing a recomputation of the duplicate accounts are for program admins.
 */
@Tag(name = "Data hygiene",
		description = "Checks of the CRM data with records, CSV and fixes (admins; PAMs over their book; sales managers over their team)")
@RestController
class HygieneApiController {

	private final Hygiene hygiene;

	HygieneApiController(Hygiene hygiene) {
		this.hygiene = hygiene;
	}

	@GetMapping("/api/v1/hygiene")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	List<HygieneSummary> summary(Viewer viewer) {
		return this.hygiene.summary(viewer);
	}

	@GetMapping("/api/v1/hygiene/{check}")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	PageResult<HygieneRecord> records(Viewer viewer, @PathVariable HygieneCheck check,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.hygiene.records(viewer, check, PageRequest.of(page, size));
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/hygiene/{check}/records.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	void csv(Viewer viewer, @PathVariable HygieneCheck check, HttpServletResponse response) throws IOException {
		HygieneCsv.write(this.hygiene, viewer, check, response);
	}

	/**
	 * Queues a recomputation of the duplicate accounts for the job (202 Accepted); the
	 * summary's {@code computedAt} moves on when the job has made it.
	 */
	@PostMapping("/api/v1/hygiene/{check}/recompute")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	StoredResult recompute(Viewer viewer, @PathVariable HygieneCheck check) {
		return this.hygiene.requestRecomputation(viewer, check);
	}

	@PostMapping("/api/v1/hygiene/{check}/fix")
	@PreAuthorize("hasRole('ADMIN')")
	FixResult fix(Viewer viewer, @PathVariable HygieneCheck check) {
		return this.hygiene.fix(viewer, check);
	}

}
