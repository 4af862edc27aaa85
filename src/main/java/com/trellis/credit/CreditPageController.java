package com.trellis.credit;

import com.trellis.deals.Deals;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormErrors;
import com.trellis.shared.validation.Commands;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Credit disputes as a panel of the deal page.
 */
@Controller
class CreditPageController {

	private final CreditDisputes disputes;

	private final Deals deals;

	private final Commands commands;

	CreditPageController(CreditDisputes disputes, Deals deals, Commands commands) {
		this.commands = commands;
		this.disputes = disputes;
		this.deals = deals;
	}

	/**
	 * The deal page's credit panel, loaded apart from the page; after a refused decision
	 * it shows the decision form as sent, each problem next to its field (see
	 * {@link #decideFromPage}).
	 */
	@GetMapping("/opportunities/{id}/credit")
	String panel(Viewer viewer, @PathVariable long id, Model model) {
		var deal = this.deals.get(viewer, id);
		model.addAttribute("deal", deal);
		model.addAttribute("disputes", this.disputes.ofDeal(viewer, id));
		model.addAttribute("canDecide", this.disputes.canDecide(viewer, deal));
		return "credit/panel :: panel";
	}

	/**
	 * The deal page's dispute form in one round: a share that cannot be read is named
	 * with the command's other problems and the dispute's own (a direct deal, the current
	 * credit proposed again, a dispute already open), the typed text comes back on the
	 * deal page, and nothing is saved.
	 */
	@PostMapping("/opportunities/{id}/credit-disputes")
	@ActsOn(CreditChecks.Raised.class)
	String raiseFromPage(Viewer viewer, @PathVariable long id,
			@Valid @ModelAttribute("disputeForm") RaiseDispute command, BindingResult binding,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/opportunities/" + id, "Credit dispute raised; the partner manager decides.",
				command, binding,
				FormErrors.checks(() -> this.commands.check(command), () -> this.disputes.check(viewer, id, command)),
				() -> this.disputes.raise(viewer, id, command));
	}

	/**
	 * The decision form of the deal page's dispute panel: an uphold that cannot be read
	 * or is missing is named with a missing reason on the deal page, never an error page,
	 * and nothing is decided. The deal is the dispute's own. Refused, the deal page shows
	 * the error; the panel, which the page loads by a request of its own, gets the form
	 * as sent and its field errors, so that it shows the reason as typed and each error
	 * next to its field.
	 */
	@PostMapping("/credit-disputes/{disputeId}/decision")
	@ActsOn(value = CreditChecks.Decided.class, key = "disputeId")
	String decideFromPage(Viewer viewer, @PathVariable long disputeId, @ModelAttribute("decisionForm") Decision form,
			BindingResult binding, RedirectAttributes redirect) {
		long deal = this.disputes.dealOf(viewer, disputeId);
		var target = FormAction.run(redirect, "/opportunities/" + deal,
				Boolean.TRUE.equals(form.uphold()) ? "Dispute upheld; credit changed." : "Dispute dismissed.",
				"decisionForm", form, binding, form::check,
				() -> this.disputes.decide(viewer, disputeId, form.check(), form.reason()));
		if (redirect.getFlashAttributes().containsKey("fieldErrors")) {
			// the panel, loaded by a request of its own, shows the refused decision
			FormAction.alsoToPanel(redirect, "/opportunities/" + deal + "/credit",
					java.util.Map.of("decided", disputeId), "decisionForm", "fieldErrors");
		}
		return target;
	}

	/** Uphold or dismiss, and why (flashed back when refused, hence serializable). */
	record Decision(Boolean uphold, String reason) implements java.io.Serializable {

		/**
		 * Whether to uphold; refuses a decision that says neither, with a missing reason.
		 */
		boolean check() {
			FormErrors.checks(() -> {
				if (this.uphold == null) {
					throw com.trellis.shared.InvalidInputException.of("uphold", "choose uphold or dismiss");
				}
			}, () -> com.trellis.shared.validation.FreeText.required("reason", this.reason,
					com.trellis.shared.validation.FreeText.NOTE, "a reason is required for the decision"))
				.run();
			return this.uphold;
		}

	}

}
