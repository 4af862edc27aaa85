package com.trellis.adoption;

import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Period;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rep adoption, the pipeline review and partner prompts through the API.
 */
@RestController
@PreAuthorize("!hasRole('PARTNER')")
@Tag(name = "Rep adoption", description = "Partner adoption per rep, the pipeline review and prompts")
class AdoptionApiController {

	private final Adoption adoption;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	AdoptionApiController(Adoption adoption, com.trellis.shared.BusinessCalendar calendar,
			com.trellis.shared.validation.ValueLimits limits) {
		this.limits = limits;
		this.adoption = adoption;
		this.calendar = calendar;
	}

	@GetMapping("/api/v1/adoption/reps")
	List<RepAdoption> reps(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		this.adoption.mayView(viewer);
		return this.adoption.reps(viewer, period(from, to));
	}

	@GetMapping("/api/v1/adoption/teams")
	List<TeamAdoption> teams(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		this.adoption.mayView(viewer);
		return this.adoption.teams(viewer, period(from, to));
	}

	@GetMapping("/api/v1/adoption/review")
	List<Adoption.ReviewLine> review(Viewer viewer) {
		return this.adoption.pipelineReview(viewer);
	}

	@PostMapping("/api/v1/opportunities/{id}/partner-prompts")
	@PreAuthorize("hasRole('SALES_MANAGER')")
	@ActsOn(AdoptionChecks.Prompter.class)
	Adoption.PromptOutcome prompt(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Prompt prompt) {
		// 200 either way: stored false when an open prompt was there (nothing changed)
		return this.adoption.prompt(viewer, id, prompt == null ? null : prompt.partnerId(),
				prompt == null ? null : prompt.note());
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.chosen(from, to, this.calendar, this.limits);
	}

	record Prompt(Long partnerId, String note) {
	}

}
