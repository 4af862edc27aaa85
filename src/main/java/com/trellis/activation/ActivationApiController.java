package com.trellis.activation;

import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activation", description = "30-60-90 plans, milestones, blockers and the activation verdict")
class ActivationApiController {

	private final ActivationPlans plans;

	ActivationApiController(ActivationPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/activation")
	@PreAuthorize("!hasRole('PARTNER')")
	com.trellis.shared.PageResult<ActivationPlanView> book(Viewer viewer,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
		return this.plans.book(viewer, com.trellis.shared.PageRequest.of(page, size));
	}

	@GetMapping("/activation/blockers")
	@PreAuthorize("!hasRole('PARTNER')")
	Map<Blocker, Long> blockers(Viewer viewer) {
		return this.plans.blockerCounts(viewer);
	}

	@GetMapping("/activation/template")
	@PreAuthorize("!hasRole('PARTNER')")
	List<TemplateMilestone> template() {
		return this.plans.template();
	}

	@PutMapping("/activation/template")
	@PreAuthorize("hasRole('ADMIN')")
	List<TemplateMilestone> editTemplate(Viewer viewer,
			@RequestBody List<@NotNull @Valid TemplateMilestone> milestones) {
		return this.plans.editTemplate(viewer, milestones);
	}

	@PutMapping("/partners/{id}/activation/targets")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	ActivationPlanView targets(Viewer viewer, @PathVariable long id, @Valid @RequestBody Targets targets) {
		return this.plans.setTargets(viewer, id, targets);
	}

	@GetMapping("/partners/{id}/activation")
	ActivationPlanView plan(Viewer viewer, @PathVariable long id) {
		return this.plans.plan(viewer, id);
	}

	@PostMapping("/partners/{id}/activation/milestones/{code}")
	@ActsOn(ActivationChecks.Ticked.class)
	ActivationPlanView complete(Viewer viewer, @PathVariable long id, @PathVariable String code,
			@RequestBody Evidence evidence) {
		return this.plans.completeMilestone(viewer, id, code, evidence.evidence());
	}

	@PostMapping("/partners/{id}/blockers")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	@Operation(summary = "Records an activation blocker on a partner (its PAM or an admin); the open blockers after it",
			description = "404 when the partner has no activation plan; 400 naming blocker or note for a bad value; "
					+ "409 naming blocker when one of that kind is open on the partner already (resolve it first).")
	List<ActivationPlanView.BlockerView> recordBlocker(Viewer viewer, @PathVariable long id,
			@RequestBody BlockerRequest request) {
		return this.plans.recordBlocker(viewer, id, request.blocker(), request.note());
	}

	@PostMapping("/partners/{id}/blockers/{blockerId}/resolve")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	List<ActivationPlanView.BlockerView> resolveBlocker(Viewer viewer, @PathVariable long id,
			@PathVariable long blockerId) {
		return this.plans.resolveBlocker(viewer, id, blockerId);
	}

	record Evidence(String evidence) {
	}

	record BlockerRequest(Blocker blocker, String note) {
	}

}
