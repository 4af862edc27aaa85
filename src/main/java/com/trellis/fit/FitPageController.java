package com.trellis.fit;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The partner-fit panel of a deal's page (loaded by htmx): the ranked partners with their
 * evidence, and for the deal's owner side one click to attach a partner (a deal without
 * one) or to ask a partner for co-sell help, posted to the co-sell module's forms.
 */
@Controller
class FitPageController {

	private final PartnerFits fits;

	private final Deals deals;

	FitPageController(PartnerFits fits, Deals deals) {
		this.fits = fits;
		this.deals = deals;
	}

	@GetMapping("/opportunities/{id}/partner-fit")
	String panel(Viewer viewer, @PathVariable long id, Model model) {
		var list = this.fits.forDeal(viewer, id);
		var deal = this.deals.get(viewer, id);
		boolean owns = !deal.stage().isClosed() && this.deals.canEdit(viewer, deal);
		model.addAttribute("fit", list);
		model.addAttribute("dealId", id);
		model.addAttribute("canAttach", owns && deal.partnerId() == null);
		model.addAttribute("canAsk", !deal.stage().isClosed() && (owns || viewer.is(Role.PAM)));
		return "fit/deal :: panel";
	}

}
