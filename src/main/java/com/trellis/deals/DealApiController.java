package com.trellis.deals;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals, with partner involvement and credit")
class DealApiController {

	private final Deals deals;

	DealApiController(Deals deals) {
		this.deals = deals;
	}

	@GetMapping
	@Operation(summary = "List deals", description = "A partner user only ever gets deals its partner is on.")
	PageResult<OpportunityView> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) Boolean partnerInvolved,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = new DealFilter(q, stage, open, ownerId, partnerId, accountId, partnerInvolved);
		return this.deals.search(viewer, filter, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	OpportunityView get(Viewer viewer, @PathVariable long id) {
		return this.deals.get(viewer, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	OpportunityView create(Viewer viewer, @Valid @RequestBody OpportunityCommand command) {
		return this.deals.create(viewer, command);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	OpportunityView update(Viewer viewer, @PathVariable long id, @Valid @RequestBody OpportunityCommand command) {
		return this.deals.update(viewer, id, command);
	}

}
