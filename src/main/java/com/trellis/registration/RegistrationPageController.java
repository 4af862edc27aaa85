package com.trellis.registration;

import java.util.List;
import java.util.Map;

import com.trellis.deals.CreditType;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormOnce;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.validation.Commands;

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

@Controller
class RegistrationPageController {

	private final Registrations registrations;

	private final Partners partners;

	private final Users users;

	private final java.time.Clock clock;

	private final Commands commands;

	private final ApprovalCheck approvals;

	private final FormOnce once;

	RegistrationPageController(Registrations registrations, Partners partners, Users users, java.time.Clock clock,
			Commands commands, ApprovalCheck approvals, FormOnce once) {
		this.once = once;
		this.registrations = registrations;
		this.approvals = approvals;
		this.commands = commands;
		this.partners = partners;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/registrations")
	String list(Viewer viewer, @RequestParam(required = false) RegistrationStatus status,
			@RequestParam(required = false) Boolean mine, @RequestParam(defaultValue = "false") boolean breached,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		boolean book = mine != null ? mine : viewer.is(Role.PAM);
		var filter = new RegistrationFilter(status, null, breached, book);
		// the breaches view keeps the status chosen in it (the live filter keeps the
		// view)
		var result = breached ? this.registrations.breaches(viewer, status, PageRequest.listed(page, size))
				: this.registrations.search(viewer, filter, PageRequest.listed(page, size));
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", RegistrationStatus.values());
		model.addAttribute("partnerNames", this.partners.names(viewer,
				result.items().stream().map(RegistrationView::partnerId).distinct().toList()));
		model.addAttribute("now", this.clock.instant());
		// the live filter swaps the results alone (the list's other pages are whole)
		return htmx != null ? "registration/list :: results" : "registration/list";
	}

	@GetMapping("/registrations/rules")
	@PreAuthorize("!hasRole('PARTNER')")
	String rules(Model model) {
		model.addAttribute("rules", this.registrations.rules());
		model.addAttribute("laterOptions", RegistrationRules.LaterRegistration.values());
		model.addAttribute("errors", java.util.Map.of());
		return "registration/rules";
	}

	@PostMapping("/registrations/rules")
	@PreAuthorize("hasRole('ADMIN')")
	String saveRules(Viewer viewer, @Valid @ModelAttribute("rules") RegistrationRules rules, BindingResult binding,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("laterOptions", RegistrationRules.LaterRegistration.values());
			model.addAttribute("errors", FormErrors.of(binding, () -> this.commands.check(RulesForm.readable(form))));
			// shown again as typed: a field the binding could not read leaves no rules
			model.addAttribute("typed", form);
			return "registration/rules";
		}
		try {
			this.registrations.changeRules(viewer, rules);
		}
		catch (com.trellis.shared.InvalidInputException ex) {
			model.addAttribute("laterOptions", RegistrationRules.LaterRegistration.values());
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("typed", form);
			return "registration/rules";
		}
		redirect.addFlashAttribute("notice", "Rules of engagement saved");
		return "redirect:/registrations/rules";
	}

	/** The registration form; executives, who do not register deals, get 403. */
	@GetMapping("/registrations/new")
	@PreAuthorize("!hasRole('EXECUTIVE')")
	String form(Viewer viewer, Model model) {
		return form(viewer, model, new RegistrationCommand(null, null, null, null, null, "USD", null,
				viewer.partnerId(), CreditType.SOURCED), Map.of());
	}

	@PostMapping("/registrations")
	@PreAuthorize("!hasRole('EXECUTIVE')")
	@ActsOn(value = PartnerChecks.ActedForInBody.class, from = ActsOn.From.BODY, key = "partnerId")
	String register(Viewer viewer, @Valid @ModelAttribute("form") RegistrationCommand command, BindingResult binding,
			@RequestParam(required = false) String partnerName,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, @RequestParam Map<String, String> typed,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("partnerQuery", partnerName);
		if (binding.hasErrors()) {
			model.addAttribute("typed", FormErrors.typed(binding));
			// a field the binding could not read left no command (a record is built
			// whole):
			// the rest is read field by field and checked as a whole command would be
			var read = command != null ? command : RegistrationForm.readable(typed);
			return form(viewer, model, command,
					FormErrors.of(binding, FormErrors.checks(() -> this.commands.check(read),
							() -> this.registrations.check(viewer, withPartnerNamed(viewer, read, partnerName)))));
		}
		try {
			var named = withPartnerNamed(viewer, command, partnerName);
			command = named;
			var sent = this.once.send(once, viewer.userId(),
					() -> "/registrations/" + this.registrations.register(viewer, named).id());
			if (sent.repeated()) {
				redirect.addFlashAttribute("notice", sent.notice(null));
			}
			return "redirect:" + sent.target();
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, command, FormErrors.of(ex));
		}
	}

	@GetMapping("/registrations/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var registration = this.registrations.get(viewer, id);
		model.addAttribute("registration", registration);
		model.addAttribute("history", this.registrations.history(viewer, id));
		model.addAttribute("partnerName",
				this.partners.names(viewer, List.of(registration.partnerId())).get(registration.partnerId()));
		model.addAttribute("canDecide", this.registrations.canDecide(viewer, registration));
		model.addAttribute("now", this.clock.instant());
		if (!viewer.isPartnerUser()) {
			var conflicts = this.registrations.conflicts(viewer, id);
			model.addAttribute("conflicts", conflicts);
			var found = this.registrations.conflictsFound(viewer, id);
			model.addAttribute("otherClaims", found == null ? 0 : Math.max(0, found - conflicts.size()));
			model.addAttribute("conflictPartners", this.partners.names(viewer,
					conflicts.stream().map(ConflictView::partnerId).filter(p -> p != null).distinct().toList()));
			model.addAttribute("owners", this.users.withRole(Role.AE));
			model.addAttribute("creditTypes", CreditType.values());
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", registration);
		}
		return "registration/detail";
	}

	@PostMapping("/registrations/{id}/approve")
	@ActsOn(RegistrationChecks.Decided.class)
	String approve(Viewer viewer, @PathVariable long id, @ModelAttribute("approveForm") ApproveCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		// an owner or credit that cannot be read is named with the approval's own checks
		return FormAction.run(redirect, "/registrations/" + id, "Approved", "approveForm", command, binding,
				() -> this.approvals.check(viewer, id, command), () -> this.registrations.approve(viewer, id, command));
	}

	@PostMapping("/registrations/{id}/reject")
	@ActsOn(RegistrationChecks.Decided.class)
	String reject(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Rejected", () -> this.registrations.reject(viewer, id, reason));
	}

	@PostMapping("/registrations/{id}/override-hold")
	@ActsOn(RegistrationChecks.Decided.class)
	String overrideHold(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Hold lifted; the registration awaits your decision",
				() -> this.registrations.overrideHold(viewer, id, reason));
	}

	@PostMapping("/registrations/{id}/send-back")
	@ActsOn(RegistrationChecks.Decided.class)
	String sendBack(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, "Sent back for more information",
				() -> this.registrations.sendBack(viewer, id, reason));
	}

	@PostMapping("/registrations/{id}/extend")
	@ActsOn(RegistrationChecks.Decided.class)
	String extend(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "Protection extended", () -> this.registrations.extend(viewer, id));
	}

	@PostMapping("/registrations/{id}/withdraw")
	@ActsOn(RegistrationChecks.Withdrawn.class)
	String withdraw(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "Withdrawn", () -> this.registrations.withdraw(viewer, id));
	}

	@PostMapping("/registrations/{id}/resubmit")
	@ActsOn(RegistrationChecks.Resubmitted.class)
	String resubmit(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("form") RegistrationCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/registrations/" + id, "Resubmitted", command, binding,
				FormErrors.checks(() -> this.commands.check(command),
						() -> this.registrations.checkResubmission(viewer, id, command)),
				() -> this.registrations.resubmit(viewer, id, command));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		return FormAction.run(redirect, "/registrations/" + id, done, action);
	}

	/**
	 * The partner typed into the partner box (the search box's suggestion, or a name
	 * typed without JavaScript): the one active partner of that name the viewer may
	 * register for, a PAM in their own book.
	 */
	private RegistrationCommand withPartnerNamed(Viewer viewer, RegistrationCommand command, String partnerName) {
		if (viewer.isPartnerUser() || command.partnerId() != null || partnerName == null || partnerName.isBlank()) {
			return command;
		}
		var name = partnerName.strip();
		if (name.length() > 200) {
			throw InvalidInputException.of("partnerId", "is longer than 200 characters");
		}
		var book = viewer.is(Role.PAM) ? Long.valueOf(viewer.userId()) : null;
		var named = this.partners
			.search(viewer, new PartnerFilter(name, null, null, LifecycleStatus.ACTIVE, book, "name", false),
					new PageRequest(0, 20))
			.items()
			.stream()
			.filter(p -> p.name().strip().equalsIgnoreCase(name))
			.toList();
		if (named.size() != 1) {
			throw InvalidInputException.of("partnerId",
					named.isEmpty()
							? "no active partner " + (book != null ? "of your book " : "") + "is named “" + name
									+ "”; pick one of the suggestions"
							: "several active partners are named “" + name + "”; ask an admin to tell them apart");
		}
		return new RegistrationCommand(command.accountId(), command.customerName(), command.customerDomain(),
				command.customerNeed(), command.amount(), command.currency(), command.expectedCloseDate(),
				named.get(0).id(), command.creditType());
	}

	private String form(Viewer viewer, Model model, RegistrationCommand command, Map<String, String> errors) {
		model.addAttribute("form", command);
		model.addAttribute("errors", errors);
		model.addAttribute("creditTypes", CreditType.values());
		if (viewer.isPartnerUser()) {
			model.addAttribute("partnerName", this.partners.get(viewer, viewer.partnerId()).name());
		}
		else if (command.partnerId() != null && !model.containsAttribute("partnerQuery")) {
			// a partner chosen before (a form shown again): its name in the partner box
			model.addAttribute("partnerQuery",
					this.partners.names(viewer, List.of(command.partnerId())).get(command.partnerId()));
		}
		return "registration/form";
	}

}
