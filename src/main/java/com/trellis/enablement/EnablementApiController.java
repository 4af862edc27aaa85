package com.trellis.enablement;

import java.time.LocalDate;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enablement", description = "Tracks, completions, completion and applied-enablement rates")
class EnablementApiController {

	private final Enablement enablement;

	EnablementApiController(Enablement enablement) {
		this.enablement = enablement;
	}

	@GetMapping("/partners/{id}/enablement")
	PartnerEnablement ofPartner(Viewer viewer, @PathVariable long id) {
		return this.enablement.ofPartner(viewer, id);
	}

	@GetMapping("/enablement/rates")
	@PreAuthorize("!hasRole('PARTNER')")
	Map<String, Long> rates(Viewer viewer) {
		return this.enablement.programRates(viewer);
	}

	@PostMapping("/users/{userId}/completions")
	@ActsOn(value = EnablementChecks.Recorder.class, key = "userId")
	UserProgress record(Viewer viewer, @PathVariable long userId, @RequestBody Completion completion) {
		return this.enablement.record(viewer, userId, completion.item(), completion.completedOn());
	}

	/**
	 * The old completions import (admins, {@code email,item,completed_on}, no dry run) is
	 * retired: the Trellis completions format reads its files unchanged and adds the dry
	 * run, PAMs and source ids. Its path still answers an admin, whatever the body, with
	 * where to go instead.
	 */
	@PostMapping("/enablement/completions/import")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Retired: import completions through POST /api/v1/imports/trellis/completions",
			description = "Answers 410 with a pointer. The same files (email,item,completed_on) import unchanged through "
					+ "POST /api/v1/imports/trellis/completions (multipart/form-data, the file in a part named file; "
					+ "dryRun=true, the default, checks and writes nothing; dryRun=false imports all rows or none).")
	ResponseEntity<ProblemDetail> importCsv() {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, RETIRED);
		problem.setTitle("Import moved");
		problem.setProperty("replacement", REPLACEMENT);
		return ResponseEntity.status(HttpStatus.GONE)
			.header("Link", "<" + REPLACEMENT + ">; rel=\"alternate\"")
			.body(problem);
	}

	static final String REPLACEMENT = "/api/v1/imports/trellis/completions";

	static final String RETIRED = "This import is retired. Send the same file (email,item,completed_on) to POST "
			+ REPLACEMENT + " as multipart/form-data in a part named file: dryRun=true (the default) checks every row "
			+ "and writes nothing, dryRun=false imports all rows or none. Nothing was imported.";

	record Completion(String item, LocalDate completedOn) {
	}

}
