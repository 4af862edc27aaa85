package com.trellis.deals;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.FormOnce;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The direct deal's create and edit pages, with the API's checks: a deal opens at an open
 * stage, an edit keeps the stage (the sales process moves it) and a partner deal's
 * partner and credit (a credit dispute changes them). A bad field is shown next to it
 * (400) and nothing is saved.
 */
@Controller
class DealFormController {

	private final Deals deals;

	private final Accounts accounts;

	private final Users users;

	private final Commands commands;

	private final FormOnce once;

	DealFormController(Deals deals, Accounts accounts, Users users, Commands commands, FormOnce once) {
		this.once = once;
		this.deals = deals;
		this.accounts = accounts;
		this.users = users;
		this.commands = commands;
	}

	@GetMapping("/opportunities/new")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	String create(Viewer viewer, @RequestParam(required = false) String accountId, Model model) {
		var form = new DealForm(accountId == null ? "" : accountId, "", "", "USD", Stage.QUALIFIED.name(), "",
				String.valueOf(viewer.userId()), "");
		return form(viewer, model, form, null, Map.of());
	}

	@PostMapping("/opportunities/new")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	String create(Viewer viewer, @ModelAttribute("form") DealForm form,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, Model model,
			RedirectAttributes redirect) {
		try {
			var sent = this.once.send(once, viewer.userId(),
					() -> "/opportunities/" + this.deals.create(viewer, command(viewer, form, null)).id());
			redirect.addFlashAttribute("notice", sent.notice("Deal opened"));
			return "redirect:" + sent.target();
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/opportunities/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(DealChecks.Editable.class)
	String edit(Viewer viewer, @PathVariable long id, Model model) {
		var deal = this.deals.get(viewer, id);
		return form(viewer, model, DealForm.of(deal, this.deals.version(id)), deal, Map.of());
	}

	@PostMapping("/opportunities/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(DealChecks.Editable.class)
	String edit(Viewer viewer, @PathVariable long id, @ModelAttribute("form") DealForm form, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		var deal = this.deals.get(viewer, id);
		try {
			this.deals.update(viewer, id, command(viewer, form, deal), FormFields.seenVersion(form.version()));
			redirect.addFlashAttribute("notice", "Deal saved");
			return "redirect:/opportunities/" + id;
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, form, deal, FormErrors.of(ex));
		}
		catch (ConflictException ex) {
			// the form keeps what was typed and now carries the deal's current version:
			// saved again, it replaces the other change knowingly
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", ex.reason());
			return form(viewer, model, form.seeing(this.deals.version(id)), this.deals.get(viewer, id), Map.of());
		}
	}

	/**
	 * The command the API would get: a new deal is direct; an edited one keeps its stage,
	 * source, partner and credit as they are.
	 */
	private OpportunityCommand command(Viewer viewer, DealForm form, OpportunityView deal) {
		var fields = new FormFields();
		var accountId = fields.id("accountId", form.accountId());
		if (accountId != null && deal == null) {
			try {
				this.accounts.get(viewer, accountId);
			}
			catch (RuntimeException ex) {
				fields.reject("accountId", "no account with this number that you can see");
			}
		}
		var stage = (deal == null) ? fields.choice("stage", form.stage(), Stage.class) : deal.stage();
		var command = new OpportunityCommand(accountId, form.name(), fields.decimal("amount", form.amount()),
				com.trellis.shared.validation.CurrencyRule.normalized(form.currency()), stage,
				fields.date("closeDate", form.closeDate()), fields.id("ownerId", form.ownerId()),
				(deal == null) ? DealSource.DIRECT : deal.source(), (deal == null) ? null : deal.partnerId(),
				(deal == null) ? null : deal.creditType(), (deal == null) ? null : deal.partnerShare());
		fields.check(() -> this.commands.check(command));
		return command;
	}

	private String form(Viewer viewer, Model model, DealForm form, OpportunityView deal, Map<String, String> errors) {
		var owners = new ArrayList<>(this.users.withRole(Role.AE));
		owners.addAll(this.users.withRole(Role.SALES_MANAGER));
		// only the owners the viewer may name (DealRules); a deal's current owner stays
		// on
		// offer
		var nameable = this.users.ownersNameableBy(viewer);
		owners.removeIf(o -> !nameable.test(o.id()) && (deal == null || o.id() != deal.ownerId()));
		String accountName = null;
		var accountId = new FormFields().id("accountId", form.accountId());
		if (accountId != null) {
			try {
				accountName = this.accounts.get(viewer, accountId).name();
			}
			catch (RuntimeException ex) {
				accountName = null;
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("deal", deal);
		model.addAttribute("accountName", accountName);
		model.addAttribute("errors", errors);
		model.addAttribute("owners", owners);
		model.addAttribute("stages", Arrays.stream(Stage.values()).filter(s -> !s.isClosed()).toList());
		return "deals/form";
	}

	/**
	 * The deal form as typed; {@code version} is the deal's version when the edit form
	 * was opened (empty for a new deal).
	 */
	record DealForm(String accountId, String name, String amount, String currency, String stage, String closeDate,
			String ownerId, String version) implements Serializable {

		static DealForm of(OpportunityView deal, long version) {
			return new DealForm(String.valueOf(deal.accountId()), deal.name(),
					com.trellis.shared.MoneyFormat.inputValue(deal.amount(), deal.currency(),
							com.trellis.shared.Reading.locale(java.util.Locale.ROOT)),
					deal.currency(), deal.stage().name(), (deal.closeDate() == null) ? "" : deal.closeDate().toString(),
					String.valueOf(deal.ownerId()), String.valueOf(version));
		}

		DealForm seeing(long version) {
			return new DealForm(this.accountId, this.name, this.amount, this.currency, this.stage, this.closeDate,
					this.ownerId, String.valueOf(version));
		}

	}

}
