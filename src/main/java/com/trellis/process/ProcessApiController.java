package com.trellis.process;

import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sales process", description = "Stages, exit checklists, advancing, disqualifying, stalled deals")
class ProcessApiController {

	private final SalesProcess process;

	private final StalledScope scope;

	private final StageConfiguration configuration;

	ProcessApiController(SalesProcess process, StageConfiguration configuration, StalledScope scope) {
		this.process = process;
		this.configuration = configuration;
		this.scope = scope;
	}

	@GetMapping("/process/stages")
	List<StageDefinition> stages() {
		return this.process.stages();
	}

	@PutMapping("/process/stages")
	@PreAuthorize("hasRole('ADMIN')")
	List<StageDefinition> configure(Viewer viewer, @RequestBody List<@NotNull @Valid StageDefinition> stages) {
		return this.configuration.configure(viewer, stages);
	}

	@GetMapping("/process/stalled")
	@Operation(summary = "Deals past their stage's norm, each with who must act",
			description = "An account executive gets their own deals and a sales manager their team's with their own, "
					+ "as their home and /process count them; mine=false gives everyone's. Other staff roles get "
					+ "the program's. 400 names mine, page or size when unreadable.")
	@PreAuthorize("!hasRole('PARTNER')")
	PageResult<SalesProcess.Stalled> stalled(Viewer viewer, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.process.stalledOwnedBy(viewer, this.scope.owners(viewer, mine), PageRequest.of(page, size));
	}

	@GetMapping("/opportunities/{id}/process")
	DealProcess of(Viewer viewer, @PathVariable long id) {
		return this.process.of(viewer, id);
	}

	@PostMapping("/opportunities/{id}/checklist")
	@ActsOn(ProcessChecks.StageOwner.class)
	DealProcess tick(Viewer viewer, @PathVariable long id, @RequestBody Tick tick) {
		return this.process.tick(viewer, id, tick.item(), tick.ticked());
	}

	@PostMapping("/opportunities/{id}/advance")
	@Operation(summary = "Advance the deal to the next stage once its exit checklist is complete",
			description = "Pass seenStage (the stage the caller decided on) to be refused with 409 instead of moving "
					+ "a deal someone else moved meanwhile.")
	@ApiResponse(responseCode = "409", description = "The deal is no longer in seenStage, or moved meanwhile",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ActsOn(ProcessChecks.StageOwner.class)
	DealProcess advance(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Stage seenStage) {
		return this.process.advance(viewer, id, seenStage);
	}

	@PostMapping("/opportunities/{id}/move-back")
	@Operation(summary = "Move the deal back to an earlier open stage, with a reason",
			description = "Pass seenStage (the stage the caller decided on) to be refused with 409 instead of moving "
					+ "a deal someone else moved meanwhile.")
	@ApiResponse(responseCode = "409", description = "The deal is no longer in seenStage, or moved meanwhile",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ActsOn(ProcessChecks.StageOwner.class)
	DealProcess moveBack(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Stage seenStage,
			@RequestBody MoveBack move) {
		return this.process.moveBack(viewer, id, move.toStage(), move.reason(), seenStage);
	}

	@PostMapping("/opportunities/{id}/disqualify")
	@Operation(summary = "Disqualify the deal (closes it lost), with a reason",
			description = "Pass seenStage (the stage the caller decided on) to be refused with 409 instead of moving "
					+ "a deal someone else moved meanwhile.")
	@ApiResponse(responseCode = "409", description = "The deal is no longer in seenStage, or moved meanwhile",
			content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
	@ActsOn(ProcessChecks.StageOwner.class)
	DealProcess disqualify(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Stage seenStage,
			@RequestBody Reason reason) {
		return this.process.disqualify(viewer, id, reason.reason(), seenStage);
	}

	@PutMapping("/opportunities/{id}/joint-owners")
	@ActsOn(ProcessChecks.StageOwner.class)
	DealProcess jointOwners(Viewer viewer, @PathVariable long id, @Valid @RequestBody JointOwners owners) {
		return this.process.setJointOwners(viewer, id, owners);
	}

	record Tick(String item, boolean ticked) {
	}

	record MoveBack(Stage toStage, String reason) {
	}

	record Reason(String reason) {
	}

}
