package com.trellis.dormancy;

import java.util.function.Supplier;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dormancy page of a partner: diagnosis, re-engagement steps and the sunset decision.
 */
@Controller
@PreAuthorize("!hasRole('PARTNER')")
class DormancyController {

	private final Dormancy dormancy;

	private final Partners partners;

	DormancyController(Dormancy dormancy, Partners partners) {
		this.dormancy = dormancy;
		this.partners = partners;
	}

	@GetMapping("/partners/{id}/dormancy")
	String page(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("partner", this.partners.get(viewer, id));
		model.addAttribute("dormancy", this.dormancy.view(viewer, id));
		model.addAttribute("stepKinds", StepKind.values());
		// the forms for those who may post them, as their PartnerChecks.Managed rule says
		// (try70a: executives, AEs and other PAMs were offered them and refused on
		// posting)
		model.addAttribute("manages", this.partners.manages(viewer, id));
		return "dormancy/partner";
	}

	@PostMapping("/partners/{id}/reengagement")
	@ActsOn(PartnerChecks.Managed.class)
	String start(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dormancy.start(viewer, id));
	}

	@PostMapping("/partners/{id}/reengagement/steps/{stepId}")
	@ActsOn(PartnerChecks.Managed.class)
	String step(Viewer viewer, @PathVariable long id, @PathVariable long stepId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dormancy.completeStep(viewer, id, stepId, note));
	}

	@PostMapping("/partners/{id}/sunset")
	@ActsOn(PartnerChecks.Managed.class)
	String sunset(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.dormancy.confirmSunset(viewer, id, reason));
	}

	private String act(long id, RedirectAttributes redirect, Supplier<DormancyView> action) {
		return FormAction.run(redirect, "/partners/" + id + "/dormancy", null, action::get);
	}

}
