package com.trellis.search;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Global search across partners, accounts, deals, registrations and leads")
class SearchApiController {

	private final Search search;

	SearchApiController(Search search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Partners, accounts, deals, registrations and leads whose name holds q",
			description = "q: 3 to 100 characters. At most " + Search.PER_KIND
					+ " hits per kind, each only what the caller may open: a partner user finds its own partner, "
					+ "deals, registrations and leads and no accounts; an AE the leads routed to them.")
	SearchResults search(Viewer viewer, @RequestParam(required = false) String q) {
		return this.search.find(viewer, q);
	}

}
