package com.trellis.dormancy;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners/{id}")
@PreAuthorize("!hasRole('PARTNER')")
@Tag(name = "Dormancy", description = "Dormancy diagnosis, re-engagement sequences and sunset")
class DormancyApiController {

	private final Dormancy dormancy;

	DormancyApiController(Dormancy dormancy) {
		this.dormancy = dormancy;
	}

	@GetMapping("/dormancy")
	DormancyView view(Viewer viewer, @PathVariable long id) {
		return this.dormancy.view(viewer, id);
	}

	@PostMapping("/reengagement")
	@ActsOn(PartnerChecks.Managed.class)
	DormancyView start(Viewer viewer, @PathVariable long id) {
		return this.dormancy.start(viewer, id);
	}

	@PostMapping("/reengagement/steps/{stepId}")
	@ActsOn(PartnerChecks.Managed.class)
	DormancyView step(Viewer viewer, @PathVariable long id, @PathVariable long stepId,
			@RequestBody(required = false) Note note) {
		return this.dormancy.completeStep(viewer, id, stepId, note == null ? null : note.note());
	}

	@PostMapping("/sunset")
	@ActsOn(PartnerChecks.Managed.class)
	DormancyView sunset(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
		return this.dormancy.confirmSunset(viewer, id, reason.reason());
	}

	record Note(String note) {
	}

	record Reason(String reason) {
	}

}
