package com.trellis.cosell;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The AE view on an account's page (loaded there by htmx, so the accounts module needs
 * nothing of this one): the partners present with tier, trust and industry record, and
 * one click to ask one for help on a deal of the account or to attach it to one. The deal
 * page's attach button posts here too. Forms post and redirect back.
 */
@Controller
class AeViewPageController {

	private final AeView view;

	private final OverlapActions actions;

	private final CoSellRequests requests;

	AeViewPageController(AeView view, OverlapActions actions, CoSellRequests requests) {
		this.view = view;
		this.actions = actions;
		this.requests = requests;
	}

	@GetMapping("/accounts/{id}/partners")
	@PreAuthorize("!hasRole('PARTNER')")
	String accountPanel(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpSession session, Model model) {
		model.addAttribute("accountId", id);
		model.addAttribute("partnersHere", this.view.onAccount(viewer, id));
		model.addAttribute("askable", this.actions.askable(viewer, id));
		model.addAttribute("attachable", this.actions.attachable(viewer, id));
		TypedAsk.show(model, session, "/accounts/" + id);
		return "cosell/account :: panel";
	}

	@PostMapping("/accounts/{id}/cosell-requests")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER')")
	@ActsOn(value = CoSellChecks.AskedFromAccount.class, from = ActsOn.From.BODY, key = "opportunityId")
	String ask(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String opportunityId,
			@RequestParam(required = false) String partnerId, @RequestParam(required = false) String ask,
			jakarta.servlet.http.HttpSession session, RedirectAttributes redirect) {
		var view = FormAction.run(redirect, "/accounts/" + id, "Co-sell request sent", () -> {
			var deal = this.actions.dealOfAccount(viewer, id, number("opportunityId", opportunityId));
			this.requests.request(viewer, deal.id(), new RequestCoSell(number("partnerId", partnerId), ask));
		});
		TypedAsk.keepIfRefused(redirect, session, "/accounts/" + id, partnerId, ask, opportunityId);
		return view;
	}

	@PostMapping("/accounts/{id}/partner-attachment")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(value = CoSellChecks.AttachedFromAccount.class, from = ActsOn.From.BODY, key = "opportunityId")
	String attachFromAccount(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String opportunityId,
			@RequestParam(required = false) String partnerId, @RequestParam(required = false) String creditType,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/accounts/" + id, "Partner attached to the deal", () -> {
			var deal = this.actions.dealOfAccount(viewer, id, number("opportunityId", opportunityId));
			this.actions.attach(viewer, deal.id(),
					new AttachFromOverlap(number("partnerId", partnerId), OverlapActions.credit(creditType)));
		});
	}

	@PostMapping("/opportunities/{id}/partner-attachment")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(CoSellChecks.Attaches.class)
	String attachToDeal(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String partnerId,
			@RequestParam(required = false) String creditType, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/opportunities/" + id, "Partner attached to the deal",
				() -> this.actions.attach(viewer, id,
						new AttachFromOverlap(number("partnerId", partnerId), OverlapActions.credit(creditType))));
	}

	private static Long number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("[0-9]{1,18}")) {
			throw InvalidInputException.of(field, "must be an id, not '" + value.strip() + "'");
		}
		return Long.valueOf(value.strip());
	}

}
