package com.trellis.incentives;

import java.io.Serializable;
import java.math.BigDecimal;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormOnce;
import com.trellis.shared.FormErrors;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.InvalidInputException;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class IncentivePageController {

	private final Incentives incentives;

	private final MarketDevelopmentFunds mdf;

	private final Partners partners;

	private final Commands commands;

	private final FormOnce once;

	IncentivePageController(Incentives incentives, MarketDevelopmentFunds mdf, Partners partners, Commands commands,
			FormOnce once) {
		this.once = once;
		this.commands = commands;
		this.incentives = incentives;
		this.mdf = mdf;
		this.partners = partners;
	}

	@GetMapping("/incentives")
	String home(Viewer viewer, Model model) {
		if (viewer.isPartnerUser()) {
			return "redirect:/partners/" + viewer.partnerId() + "/incentives";
		}
		var cost = this.incentives.costPerPartner(viewer);
		model.addAttribute("programs", this.incentives.programs());
		model.addAttribute("cost", cost);
		model.addAttribute("names", this.partners.names(viewer, cost.stream().map(ProgramCost::partnerId).toList()));
		return "incentives/program";
	}

	@GetMapping("/partners/{id}/badges")
	String badges(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("badges", this.incentives.badges(viewer, id));
		return "incentives/badges :: badges";
	}

	@GetMapping("/partners/{id}/incentives")
	String partner(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("partner", this.partners.get(viewer, id));
		model.addAttribute("statement", this.incentives.statement(viewer, id));
		model.addAttribute("requests", this.mdf.ofPartner(viewer, id));
		// only the forms the viewer may send (an AE, an executive or another PAM
		// was shown the request and decision forms and refused on sending them)
		boolean manages = this.partners.manages(viewer, id);
		model.addAttribute("canDecide", manages);
		model.addAttribute("canRequest", manages || (viewer.isPartnerUser() && viewer.partnerId() == id));
		return "incentives/partner";
	}

	@PostMapping("/partners/{id}/mdf-requests")
	@PreAuthorize("hasAnyRole('PARTNER', 'PAM', 'ADMIN')")
	@ActsOn(PartnerChecks.ActedFor.class)
	String request(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("mdfForm") MdfCommand command,
			BindingResult binding, @RequestParam(name = FormOnce.FIELD, required = false) String once,
			RedirectAttributes redirect) {
		var warning = new String[1];
		var repeated = new boolean[1];
		// the request's fields have no checks beyond their annotations (the binding's)
		var target = FormAction.run(redirect, "/partners/" + id + "/incentives", "Saved", command, binding,
				() -> this.commands.check(command), () -> repeated[0] = !this.once.run(once, viewer.userId(),
						() -> warning[0] = this.mdf.request(viewer, id, command).fundWarning()));
		if (repeated[0]) {
			redirect.addFlashAttribute("notice", FormOnce.REPEATED);
		}
		else if (warning[0] != null) {
			// recorded, but the partner learns at once that it cannot be approved in full
			redirect.addFlashAttribute("notice", "Saved, but " + warning[0] + ".");
		}
		return target;
	}

	@PostMapping("/partners/{id}/mdf-requests/{requestId}/decision")
	@ActsOn(value = MdfChecks.Decided.class, key = "requestId")
	String decide(Viewer viewer, @PathVariable long id, @PathVariable long requestId,
			@ModelAttribute("decisionForm") DecisionForm form, BindingResult binding,
			@RequestParam(name = "approvedAmount", required = false) String typedAmount, RedirectAttributes redirect) {
		redirect.addFlashAttribute("formRow", requestId);
		Runnable chosen = () -> {
			if (form.approve() == null) {
				throw InvalidInputException.of("approve", "choose approve or decline");
			}
		};
		// an unreadable field is named with every other bad field of the form
		Runnable checks = FormErrors.checks(chosen, () -> {
			if (form.approve() != null) {
				this.mdf.checkDecision(viewer, requestId, form.approve(), form.approvedAmount(), form.reason());
			}
		});
		var target = FormAction.run(redirect, "/partners/" + id + "/incentives", "Saved", form, binding, checks, () -> {
			chosen.run();
			this.mdf.decide(viewer, requestId, form.approve(), form.approvedAmount(), form.reason());
		});
		if (redirect.getFlashAttributes().containsKey("error")) {
			// the row's decision form comes back as typed ("1,500.5", not the number
			// read)
			redirect.addFlashAttribute("decisionTyped",
					FormAction.typed("approvedAmount", typedAmount, "reason", form.reason()));
		}
		return target;
	}

	@PostMapping("/partners/{id}/mdf-requests/{requestId}/claims")
	@ActsOn(value = MdfChecks.Claimed.class, key = "requestId")
	String claim(Viewer viewer, @PathVariable long id, @PathVariable long requestId,
			@ModelAttribute("claimForm") ClaimForm form, BindingResult binding,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, RedirectAttributes redirect) {
		redirect.addFlashAttribute("formRow", requestId);
		var repeated = new boolean[1];
		// sent once (s57, try71): a second click claimed the same cost twice, within what
		// was approved
		var target = FormAction.run(redirect, "/partners/" + id + "/incentives", "Saved", form, binding,
				() -> this.mdf.checkClaim(viewer, requestId, form.amount(), form.proof()),
				() -> repeated[0] = !this.once.run(once, viewer.userId(),
						() -> this.mdf.claim(viewer, requestId, form.amount(), form.proof())));
		if (repeated[0]) {
			redirect.addFlashAttribute("notice", FormOnce.REPEATED);
		}
		if (redirect.getFlashAttributes().containsKey("error")) {
			// the row's claim form comes back as typed (an unreadable amount: as `typed`)
			redirect.addFlashAttribute("claimTyped", FormAction.typed("amount",
					form.amount() == null ? null : form.amount().toPlainString(), "proof", form.proof()));
		}
		return target;
	}

	/**
	 * The decision form of a request row: refused (an approved amount that cannot be read
	 * or breaks a rule, a decline without a reason), each problem is named next to its
	 * field on the partner's incentives page, the amount and the reason come back as
	 * typed, and nothing is decided.
	 */
	record DecisionForm(Boolean approve, BigDecimal approvedAmount, String reason) implements Serializable {
	}

	/** The claim form of an approved request row, read the same way. */
	record ClaimForm(BigDecimal amount, String proof) implements Serializable {
	}

}
