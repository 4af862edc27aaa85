package com.trellis.adoption;

import java.time.LocalDate;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Period;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormErrors;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.PercentFormat;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rep adoption and the sales manager's pipeline review as a page.
 */
@Controller
@PreAuthorize("!hasRole('PARTNER')")
class AdoptionController {

	private final Adoption adoption;

	private final Users users;

	private final AdoptionFigures figures;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final com.trellis.shared.validation.ValueLimits limits;

	private final PercentFormat percent;

	private final DiagnosisWording wording;

	private final com.trellis.shared.Figures numbers;

	AdoptionController(Adoption adoption, AdoptionFigures figures, Users users,
			com.trellis.shared.BusinessCalendar calendar, com.trellis.shared.validation.ValueLimits limits,
			PercentFormat percent, DiagnosisWording wording, com.trellis.shared.Figures numbers) {
		this.percent = percent;
		this.numbers = numbers;
		this.wording = wording;
		this.figures = figures;
		this.limits = limits;
		this.adoption = adoption;
		this.users = users;
		this.calendar = calendar;
	}

	/** The query parameters of the reps table's page and size (25 reps unless sized). */
	static final String REP_PAGE = "repPage";

	static final String REP_SIZE = "repSize";

	/**
	 * The page: the reps of the viewer's scope by name, a page of them ({@code repPage},
	 * {@code repSize}; issue 15: an admin's page rendered all 400 reps of the large
	 * program), the teams' figures (every rep counted, {@link TeamAdoption}), the
	 * diagnosis and the pipeline review. A bad period, page or size is named, all at once
	 * (400).
	 */
	@GetMapping("/adoption")
	String page(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String repPage,
			@RequestParam(required = false) String repSize, Model model) {
		this.adoption.mayView(viewer);
		FormErrors.checks(() -> period(from, to), () -> PageRequest.named(REP_PAGE, repPage, REP_SIZE, repSize)).run();
		var period = period(from, to);
		model.addAttribute("period", period);
		var reps = this.adoption.reps(viewer, period);
		// the tables' cells as text (AdoptionRows), the shown page's reps only
		var shown = PageResult.slice(reps, PageRequest.named(REP_PAGE, repPage, REP_SIZE, repSize));
		model.addAttribute("reps", shown.map(r -> AdoptionRows.rep(r, this.percent, this.numbers)));
		model.addAttribute("teams",
				TeamAdoption.of(reps).stream().map(t -> AdoptionRows.team(t, this.percent, this.numbers)).toList());
		if (!viewer.is(com.trellis.identity.Role.AE)) {
			var diagnosis = this.figures.diagnosis(viewer);
			model.addAttribute("diagnosis", diagnosis.value());
			// stored as figures, worded in the reader's locale
			model.addAttribute("diagnosisEvidence", this.wording.evidence(diagnosis.value()));
			model.addAttribute("diagnosisAsOf", diagnosis.asOf());
		}
		if (viewer.is(com.trellis.identity.Role.SALES_MANAGER, com.trellis.identity.Role.ADMIN)) {
			var review = this.adoption.pipelineReview(viewer);
			model.addAttribute("review", review);
			// the review shows the admin which deals could use a partner; only the rep's
			// sales manager prompts
			model.addAttribute("mayPrompt", viewer.is(com.trellis.identity.Role.SALES_MANAGER));
			model.addAttribute("owners",
					this.users.byIds(review.stream().map(Adoption.ReviewLine::ownerId).distinct().toList()));
		}
		return "adoption/page";
	}

	@PostMapping("/adoption/prompts")
	@PreAuthorize("hasRole('SALES_MANAGER')")
	@ActsOn(value = AdoptionChecks.Prompter.class, from = ActsOn.From.BODY, key = "opportunityId")
	String promptFromPage(Viewer viewer, @RequestParam long opportunityId,
			@RequestParam(required = false) Long partnerId, RedirectAttributes redirect) {
		// a repeated prompt changes nothing and the notice says so
		return FormAction.run(redirect, "/adoption", null, () -> redirect.addFlashAttribute("notice",
				this.adoption.prompt(viewer, opportunityId, partnerId, null).message()));
	}

	private Period period(LocalDate from, LocalDate to) {
		return Period.chosen(from, to, this.calendar, this.limits);
	}

}
