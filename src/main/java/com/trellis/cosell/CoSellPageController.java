package com.trellis.cosell;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Co-sell pages: the panel on a deal's page (partners present at the deal's account with
 * tier, trust and industry record, the requests made and their answers, a form to ask and
 * a button to attach), and the list where a partner answers and the field follows its
 * requests. Forms post and redirect back.
 */
@Controller
class CoSellPageController {

	private final CoSellRequests requests;

	private final AeView view;

	private final OverlapActions actions;

	private final Partners partners;

	private final Users users;

	private final com.trellis.deals.DealProfiles deals;

	CoSellPageController(CoSellRequests requests, AeView view, OverlapActions actions, Partners partners, Users users,
			com.trellis.deals.DealProfiles deals) {
		this.deals = deals;
		this.requests = requests;
		this.view = view;
		this.actions = actions;
		this.partners = partners;
		this.users = users;
	}

	@GetMapping("/opportunities/{id}/cosell")
	@PreAuthorize("!hasRole('PARTNER')")
	String dealPanel(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpSession session, Model model) {
		var asked = this.requests.ofDeal(viewer, id);
		boolean canAsk;
		boolean canAttach;
		try {
			var deal = this.requests.requireRequests(viewer, id, null);
			canAsk = !deal.stage().isClosed();
			canAttach = canAsk && deal.partnerId() == null && this.actions.attaches(viewer, id);
		}
		catch (AccessDeniedException ex) {
			canAsk = false;
			canAttach = false;
		}
		model.addAttribute("dealId", id);
		model.addAttribute("partnersHere", this.view.onDeal(viewer, id));
		model.addAttribute("canAttach", canAttach);
		model.addAttribute("asked", asked);
		model.addAttribute("canAsk", canAsk);
		model.addAttribute("partnerNames", names(viewer, asked));
		TypedAsk.show(model, session, "/opportunities/" + id);
		return "cosell/deal :: panel";
	}

	@PostMapping("/opportunities/{id}/cosell-requests")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'AE', 'SALES_MANAGER')")
	@ActsOn(value = CoSellChecks.Requested.class, from = ActsOn.From.BODY, key = "partnerId")
	String ask(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String partnerId,
			@RequestParam(required = false) String ask, @RequestParam(required = false) String back,
			jakarta.servlet.http.HttpSession session, RedirectAttributes redirect) {
		Long partner = partnerId(partnerId);
		this.requests.requireRequests(viewer, id, partner);
		var target = back != null && back.matches("/accounts/\\d+") ? back : "/opportunities/" + id;
		var view = FormAction.run(redirect, target, "Co-sell request sent",
				() -> this.requests.request(viewer, id, new RequestCoSell(required(partnerId, partner), ask)));
		TypedAsk.keepIfRefused(redirect, session, target, partnerId, ask, String.valueOf(id));
		return view;
	}

	@GetMapping("/cosell")
	String list(Viewer viewer, @RequestParam(required = false) CoSellStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		var result = this.requests.list(viewer, status, PageRequest.listed(page, size));
		var people = new ArrayList<Long>();
		result.items().forEach(r -> {
			people.add(r.requestedBy());
			if (r.answeredBy() != null) {
				people.add(r.answeredBy());
			}
		});
		model.addAttribute("result", result);
		model.addAttribute("status", status);
		model.addAttribute("partnerNames", names(viewer, result.items()));
		model.addAttribute("people", this.users.byIds(people));
		model.addAttribute("answers", viewer.isPartnerUser());
		// a partner asked for help on the vendor's deal sees its name, but opens only
		// deals it is on: no link that answers 404
		model.addAttribute("opens", this.deals.visibleTo(viewer,
				result.items().stream().map(CoSellRequest::opportunityId).distinct().toList()));
		return "cosell/list";
	}

	@PostMapping("/cosell/{id}/answer")
	@PreAuthorize("hasRole('PARTNER')")
	@ActsOn(CoSellChecks.Answered.class)
	String answer(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String accept,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.requests.requireAnswers(viewer, id);
		return FormAction.run(redirect, "/cosell", "Answer sent",
				() -> this.requests.answer(viewer, id, new AnswerCoSell(accept(accept), note)));
	}

	private java.util.Map<Long, String> names(Viewer viewer, List<CoSellRequest> requests) {
		return this.partners.names(viewer, requests.stream().map(CoSellRequest::partnerId).distinct().toList());
	}

	private static Long partnerId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	private static Long required(String raw, Long parsed) {
		if (parsed != null && parsed < 0) {
			throw InvalidInputException.of("partnerId", "must be a partner id, not '" + raw + "'");
		}
		return parsed;
	}

	private static Boolean accept(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip()) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw InvalidInputException.of("accept", "must be yes or no");
		};
	}

}
