package com.trellis.enablement;

import java.time.LocalDate;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
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

	private final ImportSize importSize;

	EnablementApiController(Enablement enablement, ImportSize importSize) {
		this.enablement = enablement;
		this.importSize = importSize;
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

	@PostMapping(path = "/enablement/completions/import", consumes = "text/csv")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import completions from CSV: email,item,completed_on",
			description = "UTF-8, with or without a byte-order mark; comma- or semicolon-separated; headers and values may be quoted and columns come in any order. "
					+ "All rows or none: any bad row answers 400 naming the row and column; a file beyond "
					+ "trellis.imports.max-rows rows or max-characters characters answers 400 naming the body.")
	Map<String, Integer> importCsv(Viewer viewer, @RequestBody String csv) {
		this.importSize.check("body", csv);
		return Map.of("imported", this.enablement.importCsv(viewer, csv));
	}

	record Completion(String item, LocalDate completedOn) {
	}

}
