package com.trellis.activation;

import java.util.function.Supplier;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ActivationPageController {

	/** Plans per page of the book, newest onboarding first. */
	static final int PAGE = 50;

	private final ActivationPlans plans;

	private final Partners partners;

	ActivationPageController(ActivationPlans plans, Partners partners) {
		this.plans = plans;
		this.partners = partners;
	}

	@GetMapping("/activation")
	@PreAuthorize("!hasRole('PARTNER')")
	String book(Viewer viewer, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var book = this.plans.book(viewer, PageRequest.of(page, size == null ? PAGE : size));
		model.addAttribute("plans", book);
		model.addAttribute("names",
				this.partners.names(viewer, book.items().stream().map(ActivationPlanView::partnerId).toList()));
		model.addAttribute("blockers", this.plans.blockerCounts(viewer));
		return "activation/book";
	}

	/**
	 * The activation book as CSV, every page in the book's order: a row per plan with its
	 * day since onboarding, status, milestones done of all, overdue milestones, the next
	 * milestone due (the earliest not done), the blockers open (their kinds, separated by
	 * "; ") and its targets in the plan's currency at its minor unit; moments in UTC.
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/activation/export.csv")
	@PreAuthorize("!hasRole('PARTNER')")
	void export(Viewer viewer, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		var names = new java.util.HashMap<Long, String>();
		com.trellis.shared.CsvExport.write(response, "activation.csv", ActivationExport.HEADER, page -> {
			var book = this.plans.book(viewer, new PageRequest(page, PageRequest.MAX_SIZE));
			names
				.putAll(this.partners.names(viewer, book.items().stream().map(ActivationPlanView::partnerId).toList()));
			return book;
		}, p -> ActivationExport.row(p, names.get(p.partnerId())));
	}

	@GetMapping("/partners/{id}/activation")
	String plan(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("partner", this.partners.get(viewer, id));
		try {
			model.addAttribute("plan", this.plans.plan(viewer, id));
		}
		catch (NotFoundException ex) {
			return "activation/none";
		}
		model.addAttribute("blockerChoices", Blocker.values());
		boolean manages = this.partners.manages(viewer, id);
		model.addAttribute("manages", manages);
		model.addAttribute("ticksPartnerOwned", manages || viewer.isPartnerUser() && viewer.partnerId() == id);
		return "activation/plan";
	}

	@PostMapping("/partners/{id}/activation/milestones/{code}")
	@ActsOn(ActivationChecks.Ticked.class)
	String complete(Viewer viewer, @PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.plans.completeMilestone(viewer, id, code, evidence));
	}

	@PostMapping("/partners/{id}/blockers")
	@ActsOn(PartnerChecks.Managed.class)
	String recordBlocker(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String blocker,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		// the choice read inside the action: a bad one comes back beside the typed note
		return act(id, redirect, () -> this.plans.recordBlocker(viewer, id,
				com.trellis.shared.FormFields.chosen("blocker", blocker, Blocker.class), note));
	}

	@PostMapping("/partners/{id}/blockers/{blockerId}/resolve")
	@ActsOn(PartnerChecks.Managed.class)
	String resolveBlocker(Viewer viewer, @PathVariable long id, @PathVariable long blockerId,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.plans.resolveBlocker(viewer, id, blockerId));
	}

	private String act(long id, RedirectAttributes redirect, Supplier<?> action) {
		return FormAction.run(redirect, "/partners/" + id + "/activation", "Saved", action::get);
	}

}
