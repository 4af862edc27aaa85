package com.trellis.partners;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.IfMatch;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "The partner registry and lifecycle")
class PartnerApiController {

	private final Partners partners;

	PartnerApiController(Partners partners) {
		this.partners = partners;
	}

	@GetMapping
	@Operation(summary = "List partners", description = "A partner user only ever gets their own partner.")
	PageResult<PartnerView> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) PartnerType type, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) LifecycleStatus lifecycle, @RequestParam(required = false) Long pamId,
			@Parameter(description = "name, onboardedOn, tier, lifecycle or region") @RequestParam(
					defaultValue = "name") String sort,
			@RequestParam(defaultValue = "false") boolean desc, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var filter = new PartnerFilter(q, type, tier, lifecycle, pamId, sort, desc);
		return this.partners.search(viewer, filter, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A partner",
			description = "Answers the partner's version as its ETag; send it back in If-Match "
					+ "on PUT to have a change made meanwhile refused.")
	PartnerView get(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.read(response, () -> this.partners.get(viewer, id), () -> this.partners.version(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PartnerView create(Viewer viewer, @Valid @RequestBody PartnerCommand command) {
		return this.partners.create(viewer, command);
	}

	@PutMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "Saved")
	@ApiResponse(responseCode = "412",
			description = "If-Match named a version the partner has moved on from; nothing changed (read it again)",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	PartnerView update(Viewer viewer, @PathVariable long id, @Valid @RequestBody PartnerCommand command, @Parameter(
			description = "the ETag the partner's GET answered: refused with 412 when the partner changed since; "
					+ "without it the update is not checked") @RequestHeader(name = IfMatch.HEADER,
							required = false) String ifMatch,
			jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.partners.update(viewer, id, command, seen),
				() -> this.partners.get(viewer, id), () -> this.partners.version(id));
	}

	@PostMapping("/{id}/lifecycle")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	PartnerView changeLifecycle(Viewer viewer, @PathVariable long id, @Valid @RequestBody LifecycleRequest request) {
		return this.partners.changeLifecycle(viewer, id, request.toStatus(), request.reason());
	}

	@PostMapping("/reassignments")
	@PreAuthorize("hasRole('ADMIN')")
	Reassigned reassign(Viewer viewer, @Valid @RequestBody ReassignRequest request) {
		return new Reassigned(
				this.partners.reassignBook(viewer, request.fromPamId(), request.toPamId(), request.reason()));
	}

	record LifecycleRequest(@NotNull LifecycleStatus toStatus, String reason) {
	}

	record ReassignRequest(@NotNull Long fromPamId, @NotNull Long toPamId, String reason) {
	}

	record Reassigned(int partnersMoved) {
	}

}
