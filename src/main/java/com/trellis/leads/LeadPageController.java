package com.trellis.leads;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormOnce;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.FormErrors;
import com.trellis.shared.PageRequest;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leads list with the submit form, and one lead with the actions the viewer may take.
 */
@Controller
class LeadPageController {

	private final Leads leads;

	private final Partners partners;

	private final Users users;

	private final BusinessCalendar calendar;

	private final Commands commands;

	private final RouteCheck routes;

	private final FormOnce once;

	private final LeadAcceptance acceptance;

	LeadPageController(Leads leads, Partners partners, Users users, BusinessCalendar calendar, Commands commands,
			RouteCheck routes, FormOnce once, LeadAcceptance acceptance) {
		this.acceptance = acceptance;
		this.once = once;
		this.routes = routes;
		this.commands = commands;
		this.leads = leads;
		this.partners = partners;
		this.users = users;
		this.calendar = calendar;
	}

	@GetMapping("/leads")
	String list(Viewer viewer, @RequestParam(required = false) LeadStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var result = this.leads.search(viewer, status, PageRequest.listed(page, size));
		model.addAttribute("result", result);
		model.addAttribute("status", status);
		model.addAttribute("statuses", LeadStatus.values());
		model.addAttribute("partnerNames",
				this.partners.names(viewer, result.items().stream().map(LeadView::partnerId).distinct().toList()));
		model.addAttribute("reps", this.users.byIds(
				result.items().stream().map(LeadView::repId).filter(java.util.Objects::nonNull).distinct().toList()));
		model.addAttribute("rule", this.leads.followUpRule());
		boolean submits = viewer.is(Role.PARTNER, Role.PAM, Role.ADMIN);
		model.addAttribute("submits", submits);
		if (submits && !viewer.isPartnerUser()) {
			var filter = new PartnerFilter(null, null, null, null, viewer.is(Role.PAM) ? viewer.userId() : null, "name",
					false);
			model.addAttribute("partnerChoices",
					this.partners.search(viewer, filter, PageRequest.listed(0, 200)).items());
		}
		return htmx != null ? "leads/list :: results" : "leads/list";
	}

	@PostMapping("/leads")
	@PreAuthorize("hasAnyRole('PARTNER', 'PAM', 'ADMIN')")
	@ActsOn(value = PartnerChecks.ActedForInBody.class, from = ActsOn.From.BODY, key = "partnerId")
	String submit(Viewer viewer, @Valid @ModelAttribute("leadForm") LeadCommand command, BindingResult binding,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, RedirectAttributes redirect) {
		var repeated = new boolean[1];
		var target = FormAction.run(redirect, "/leads", "Lead submitted", command, binding,
				FormErrors.checks(() -> this.commands.check(command), () -> this.leads.checkSubmission(command)),
				() -> repeated[0] = !this.once.run(once, viewer.userId(), () -> this.leads.submit(viewer, command)));
		if (repeated[0]) {
			redirect.addFlashAttribute("notice", FormOnce.REPEATED);
		}
		return target;
	}

	@GetMapping("/leads/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var lead = this.leads.get(viewer, id);
		model.addAttribute("lead", lead);
		model.addAttribute("partnerName", this.partners.names(viewer, List.of(lead.partnerId())).get(lead.partnerId()));
		var people = new ArrayList<Long>();
		people.add(lead.submittedBy());
		if (lead.repId() != null) {
			people.add(lead.repId());
		}
		model.addAttribute("people", this.users.byIds(people));
		boolean undecided = lead.status() == LeadStatus.SUBMITTED || lead.status() == LeadStatus.ROUTED;
		boolean routes = !viewer.isPartnerUser() && undecided && lead.firstFollowUpAt() == null
				&& this.leads.canRoute(viewer, lead);
		// a prospect or sunset partner's lead is neither routed nor accepted: said
		// instead
		var status = this.partners.lifecycleOf(lead.partnerId());
		var routeKeptOut = status.keepsOut("have its leads routed").orElse(null);
		model.addAttribute("routeKeptOut", routes ? routeKeptOut : null);
		model.addAttribute("acceptKeptOut", status.keepsOut("have its leads accepted").orElse(null));
		boolean canRoute = routes && routeKeptOut == null;
		model.addAttribute("canRoute", canRoute);
		if (canRoute) {
			var reps = new ArrayList<>(this.users.withRole(Role.AE));
			reps.addAll(this.users.withRole(Role.SALES_MANAGER));
			model.addAttribute("repChoices", reps);
		}
		boolean canWork = !viewer.isPartnerUser() && this.leads.canWork(viewer, lead);
		model.addAttribute("canWork", canWork);
		var accounts = new LinkedHashMap<Long, String>();
		if (canWork && lead.status() == LeadStatus.ROUTED) {
			this.acceptance.choices(lead).forEach(c -> accounts.put(c.accountId(), c.name()));
		}
		model.addAttribute("accountChoices", accounts.entrySet());
		model.addAttribute("today", this.calendar.today());
		return "leads/detail";
	}

	@PostMapping("/leads/{id}/route")
	@ActsOn(LeadChecks.Routed.class)
	String route(Viewer viewer, @PathVariable long id, @ModelAttribute("routeForm") RouteCheck.Route route,
			BindingResult binding, RedirectAttributes redirect) {
		// a rep that cannot be read is named with the lead's own state, never a 400 page
		return FormAction.run(redirect, "/leads/" + id, "Lead routed", "routeForm", route, binding,
				() -> this.routes.check(viewer, id, route.repId()), () -> this.leads.route(viewer, id, route.repId()));
	}

	@PostMapping("/leads/{id}/accept")
	@ActsOn(LeadChecks.Worked.class)
	String accept(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("acceptForm") AcceptCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/leads/" + id, "Lead accepted", command, binding,
				FormErrors.checks(() -> this.commands.check(command),
						() -> this.leads.checkAcceptance(viewer, id, command)),
				() -> this.leads.accept(viewer, id, command));
	}

	@PostMapping("/leads/{id}/decline")
	@ActsOn(LeadChecks.Worked.class)
	String decline(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/leads/" + id, "Lead declined", () -> this.leads.decline(viewer, id, reason));
	}

	@PostMapping("/leads/{id}/follow-up")
	@ActsOn(LeadChecks.Worked.class)
	String followUp(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/leads/" + id, "Follow-up recorded",
				() -> this.leads.followUp(viewer, id, type, note));
	}

}
