package com.trellis.registration;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.shared.BodyChecks;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
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
@RequestMapping("/api/v1")
@Tag(name = "Deal registrations", description = "Register deals, see conflicts, approve, reject, extend")
class RegistrationApiController {

	private final Registrations registrations;

	private final ApprovalCheck approvals;

	RegistrationApiController(Registrations registrations, ApprovalCheck approvals) {
		this.registrations = registrations;
		this.approvals = approvals;
	}

	@PostMapping("/registrations")
	@PreAuthorize("!hasRole('EXECUTIVE')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a deal",
			description = "Runs the entry gate and the conflict check. A partner user's partner of record is always their own.")
	@ActsOn(value = PartnerChecks.ActedForInBody.class, from = ActsOn.From.BODY, key = "partnerId")
	RegistrationView register(Viewer viewer, @Valid @RequestBody RegistrationCommand command, BindingResult binding) {
		BodyChecks.require(binding, () -> this.registrations.check(viewer, command));
		return this.registrations.register(viewer, command);
	}

	@GetMapping("/registrations")
	PageResult<RegistrationView> list(Viewer viewer, @RequestParam(required = false) RegistrationStatus status,
			@RequestParam(required = false) Long partnerId, @RequestParam(defaultValue = "false") boolean breached,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.registrations.search(viewer, new RegistrationFilter(status, partnerId, breached, mine),
				PageRequest.of(page, size));
	}

	@GetMapping("/registrations/{id}")
	RegistrationView get(Viewer viewer, @PathVariable long id) {
		return this.registrations.get(viewer, id);
	}

	@PutMapping("/registrations/{id}")
	@Operation(summary = "Resubmit a registration that was sent back for more information")
	@ActsOn(RegistrationChecks.Resubmitted.class)
	RegistrationView resubmit(Viewer viewer, @PathVariable long id, @Valid @RequestBody RegistrationCommand command,
			BindingResult binding) {
		BodyChecks.require(binding, () -> this.registrations.checkResubmission(viewer, id, command));
		return this.registrations.resubmit(viewer, id, command);
	}

	@GetMapping("/registrations/{id}/conflicts")
	@PreAuthorize("!hasRole('PARTNER')")
	List<ConflictView> conflicts(Viewer viewer, @PathVariable long id) {
		return this.registrations.conflicts(viewer, id);
	}

	@GetMapping("/registrations/{id}/history")
	List<HistoryEntry> history(Viewer viewer, @PathVariable long id) {
		return this.registrations.history(viewer, id);
	}

	@Operation(summary = "Approve a registration into a deal",
			description = "Body optional: ownerId (the deal's owner; default the account's owner or the registering AE),"
					+ " creditType (default the proposed credit; for a registration that met a direct deal, a sourced"
					+ " proposal joins it as influenced) and reason, required when creditType is not that default"
					+ " (400 naming reason); the reason is kept in the history and told to the partner."
					+ " 409 when the registration no longer awaits approval.")
	@PostMapping("/registrations/{id}/approve")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(RegistrationChecks.Decided.class)
	RegistrationView approve(Viewer viewer, @PathVariable long id,
			@Valid @RequestBody(required = false) ApproveCommand command, BindingResult binding) {
		// an owner or credit that cannot be read is named with the approval's own checks
		BodyChecks.require(binding, () -> this.approvals.check(viewer, id, command));
		return this.registrations.approve(viewer, id, command == null ? ApproveCommand.DEFAULTS : command);
	}

	@PostMapping("/registrations/{id}/reject")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(RegistrationChecks.Decided.class)
	RegistrationView reject(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
		return this.registrations.reject(viewer, id, reason.reason());
	}

	@PostMapping("/registrations/{id}/override-hold")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@io.swagger.v3.oas.annotations.Operation(summary = "Lift the hold of a registration held by a conflict",
			description = "The partner's PAM or an admin, with a reason (audited); the registration then awaits approval.")
	@ActsOn(RegistrationChecks.Decided.class)
	RegistrationView overrideHold(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
		return this.registrations.overrideHold(viewer, id, reason.reason());
	}

	@PostMapping("/registrations/{id}/send-back")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(RegistrationChecks.Decided.class)
	RegistrationView sendBack(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
		return this.registrations.sendBack(viewer, id, reason.reason());
	}

	@PostMapping("/registrations/{id}/extend")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(RegistrationChecks.Decided.class)
	RegistrationView extend(Viewer viewer, @PathVariable long id) {
		return this.registrations.extend(viewer, id);
	}

	@PostMapping("/registrations/{id}/withdraw")
	@ActsOn(RegistrationChecks.Withdrawn.class)
	RegistrationView withdraw(Viewer viewer, @PathVariable long id) {
		return this.registrations.withdraw(viewer, id);
	}

	@GetMapping("/registration-rules")
	@PreAuthorize("!hasRole('PARTNER')")
	RegistrationRules rules() {
		return this.registrations.rules();
	}

	@PutMapping("/registration-rules")
	@PreAuthorize("hasRole('ADMIN')")
	RegistrationRules changeRules(Viewer viewer, @Valid @RequestBody RegistrationRules rules) {
		return this.registrations.changeRules(viewer, rules);
	}

	record Reason(String reason) {
	}

}
