package com.trellis.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Period;
import com.trellis.shared.FormAction;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rep adoption as a page and through the API, and the sales manager's pipeline review.
 */
@Controller
@PreAuthorize("!hasRole('PARTNER')")
@Tag(name = "Rep adoption", description = "Partner adoption per rep, the pipeline review and prompts")
class AdoptionController {

	private final Adoption adoption;

	private final Users users;

	private final Clock clock;

	AdoptionController(Adoption adoption, Users users, Clock clock) {
		this.adoption = adoption;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/api/v1/adoption/reps")
	@ResponseBody
	List<RepAdoption> reps(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return this.adoption.reps(viewer, period(from, to));
	}

	@GetMapping("/api/v1/adoption/teams")
	@ResponseBody
	List<Adoption.TeamLeads> teams(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return this.adoption.teams(viewer, period(from, to));
	}

	@GetMapping("/api/v1/adoption/review")
	@ResponseBody
	List<Adoption.ReviewLine> review(Viewer viewer) {
		return this.adoption.pipelineReview(viewer);
	}

	@PostMapping("/api/v1/opportunities/{id}/partner-prompts")
	@ResponseBody
	void prompt(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Prompt prompt) {
		this.adoption.prompt(viewer, id, prompt == null ? null : prompt.partnerId(),
				prompt == null ? null : prompt.note());
	}

	@GetMapping("/adoption")
	String page(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model) {
		var period = period(from, to);
		model.addAttribute("period", period);
		model.addAttribute("reps", this.adoption.reps(viewer, period));
		model.addAttribute("teams", this.adoption.teams(viewer, period));
		if (!viewer.is(com.trellis.identity.Role.AE)) {
			model.addAttribute("diagnosis", this.adoption.diagnosis(viewer));
		}
		if (viewer.is(com.trellis.identity.Role.SALES_MANAGER, com.trellis.identity.Role.ADMIN)) {
			var review = this.adoption.pipelineReview(viewer);
			model.addAttribute("review", review);
			model.addAttribute("owners",
					this.users.byIds(review.stream().map(Adoption.ReviewLine::ownerId).distinct().toList()));
		}
		return "adoption/page";
	}

	@PostMapping("/adoption/prompts")
	String promptFromPage(Viewer viewer, @RequestParam long opportunityId,
			@RequestParam(required = false) Long partnerId, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/adoption", "The rep was prompted",
				() -> this.adoption.prompt(viewer, opportunityId, partnerId, null));
	}

	private Period period(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			return Period.quarter(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		}
		return new Period(from, to);
	}

	record Prompt(Long partnerId, String note) {
	}

}
