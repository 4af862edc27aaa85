package com.trellis.facts;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rebuild command for the program admin. */
@RestController
@Tag(name = "Reporting facts", description = "Rebuild of the pre-aggregated deal facts")
class FactsApiController {

	private final DealFacts facts;

	FactsApiController(DealFacts facts) {
		this.facts = facts;
	}

	@PostMapping("/api/v1/admin/facts/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Recompute the reporting facts from the deals and their stage moves",
			description = "The facts are kept with every change; a rebuild is only needed after changing the data outside Trellis.")
	DealFacts.Rebuilt rebuild(Viewer viewer) {
		return this.facts.rebuild(viewer);
	}

}
