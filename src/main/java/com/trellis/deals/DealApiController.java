package com.trellis.deals;

import java.util.List;

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
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals, with partner involvement and credit")
class DealApiController {

	private final Deals deals;

	private final DealCorrections corrections;

	DealApiController(Deals deals, DealCorrections corrections) {
		this.deals = deals;
		this.corrections = corrections;
	}

	@GetMapping
	@Operation(summary = "List deals",
			description = "A partner user only ever gets deals its partner is on. A deal whose amount is unknown "
					+ "(imported without one) has amount null and amountUnknown true.")
	PageResult<OpportunityView> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) Boolean partnerInvolved,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var filter = new DealFilter(q, stage, open, ownerId, partnerId, accountId, partnerInvolved);
		return this.deals.search(viewer, filter, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A deal",
			description = "amount is null and amountUnknown true for an open deal imported from a CRM export "
					+ "without an amount (it counts 0 in pipeline and weighted figures); editing the deal to "
					+ "another amount, or a later import with one, clears it. Answers the deal's version as its "
					+ "ETag; send it back in If-Match on PUT to have a change made meanwhile refused.")
	OpportunityView get(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.read(response, () -> this.deals.get(viewer, id), () -> this.deals.version(id));
	}

	@PostMapping
	@Operation(summary = "Create a deal",
			description = "A deal opens at an open stage (REGISTERED to COMMIT) and closes only through the sales "
					+ "process: a closed stage is refused with 400 naming stage.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid input, or a closed stage; each bad field is named",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	OpportunityView create(Viewer viewer, @Valid @RequestBody OpportunityCommand command) {
		return this.deals.create(viewer, command);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a deal's details",
			description = "Send the deal's current stage: the stage moves only through the sales process (POST "
					+ "/advance, /move-back or /disqualify). The amount and currency of a closed deal change only "
					+ "through POST /correction (admins, with a reason); partner and credit only through a credit "
					+ "dispute.")
	@ApiResponse(responseCode = "200", description = "Saved")
	@ApiResponse(responseCode = "400",
			description = "Invalid input, a different stage, changed money on a closed deal or changed credit; each "
					+ "field is named with the operation to use",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "412",
			description = "If-Match named a version the deal has moved on from; nothing changed (read it again)",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(DealChecks.Editable.class)
	OpportunityView update(Viewer viewer, @PathVariable long id, @Valid @RequestBody OpportunityCommand command,
			@Parameter(description = "the ETag the deal's GET answered: refused with 412 when the deal changed since; "
					+ "without it the update is not checked") @RequestHeader(name = IfMatch.HEADER,
							required = false) String ifMatch,
			jakarta.servlet.http.HttpServletResponse response) {
		return IfMatch.update(response, ifMatch, seen -> this.deals.update(viewer, id, command, seen),
				() -> this.deals.get(viewer, id), () -> this.deals.version(id));
	}

	@PostMapping("/{id}/correction")
	@PreAuthorize("hasRole('ADMIN')")
	@com.trellis.identity.ActsOn(DealChecks.Existing.class)
	@Operation(summary = "Correct a closed deal's amount or currency (program admins, with a reason)",
			description = "Recorded and audited; the incentive earnings of a won deal are reversed and earned anew "
					+ "from the corrected amount.")
	@ApiResponse(responseCode = "200", description = "Corrected")
	@ApiResponse(responseCode = "400", description = "Invalid input or nothing to correct; each field is named",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "Not a program admin")
	@ApiResponse(responseCode = "409", description = "The deal is open: edit it instead",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	OpportunityView correct(Viewer viewer, @PathVariable long id, @RequestBody DealCorrection correction) {
		return this.corrections.correct(viewer, id, correction);
	}

	@GetMapping("/{id}/corrections")
	@PreAuthorize("!hasRole('PARTNER')")
	@Operation(summary = "The recorded corrections of a closed deal's money and credit")
	List<Correction> corrections(Viewer viewer, @PathVariable long id) {
		return this.corrections.of(viewer, id);
	}

}
