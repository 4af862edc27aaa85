package com.trellis.handover;

import java.util.Map;

import com.trellis.identity.Viewer;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A leaver's hand-over for program admins. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class HandoverApiController {

	private final Handover handover;

	HandoverApiController(Handover handover) {
		this.handover = handover;
	}

	/** How much of each kind of work the user holds. */
	@GetMapping("/api/v1/users/{id}/work")
	Map<Kind, Long> held(Viewer viewer, @PathVariable long id) {
		return this.handover.held(viewer, id);
	}

	/**
	 * Moves the user's accounts, open deals, leads with them and partner book, in one
	 * transaction: {@code toUserId} for everything, or per kind.
	 */
	@PostMapping("/api/v1/users/{id}/reassign")
	@com.trellis.identity.ActsOn(com.trellis.identity.UserChecks.Existing.class)
	Handover.Result reassign(Viewer viewer, @PathVariable long id, @Valid @RequestBody HandoverCommand command) {
		return this.handover.handOver(viewer, id, command);
	}

}
