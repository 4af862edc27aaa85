package com.trellis.accounts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.FormOnce;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

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
 * The account's create and edit pages for admins, account executives and sales managers,
 * with the API's checks: a bad field is shown next to it (400) and nothing is saved.
 */
@Controller
class AccountFormController {

	static final String[] EMPLOYEE_BANDS = { "1-50", "51-200", "201-1000", "1001-5000", "5000+" };

	private final Accounts accounts;

	private final Users users;

	private final Commands commands;

	private final FormOnce once;

	AccountFormController(Accounts accounts, Users users, Commands commands, FormOnce once) {
		this.once = once;
		this.accounts = accounts;
		this.users = users;
		this.commands = commands;
	}

	@GetMapping("/accounts/new")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	String create(Viewer viewer, Model model) {
		return form(viewer, model, new AccountForm("", "", "", "", String.valueOf(viewer.userId()), "", ""), null,
				Map.of());
	}

	@PostMapping("/accounts/new")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	String create(Viewer viewer, @ModelAttribute("form") AccountForm form,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, Model model,
			RedirectAttributes redirect) {
		try {
			var sent = this.once.send(once, viewer.userId(),
					() -> "/accounts/" + this.accounts.create(viewer, command(form)).id());
			redirect.addFlashAttribute("notice", sent.notice("Account added"));
			return "redirect:" + sent.target();
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/accounts/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(AccountChecks.Editable.class)
	String edit(Viewer viewer, @PathVariable long id, Model model) {
		var account = this.accounts.get(viewer, id);
		return form(viewer, model, AccountForm.of(account, this.accounts.version(id)), account, Map.of());
	}

	@PostMapping("/accounts/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(AccountChecks.Editable.class)
	String edit(Viewer viewer, @PathVariable long id, @ModelAttribute("form") AccountForm form, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		var account = this.accounts.get(viewer, id);
		try {
			this.accounts.update(viewer, id, command(form), FormFields.seenVersion(form.version()));
			redirect.addFlashAttribute("notice", "Account saved");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInputException ex) {
			return form(viewer, model, form, account, FormErrors.of(ex));
		}
		catch (com.trellis.shared.ConflictException ex) {
			// kept as typed with the current version: saved again, it wins
			response.setStatus(org.springframework.http.HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", ex.reason());
			return form(viewer, model, form.seeing(this.accounts.version(id)), this.accounts.get(viewer, id), Map.of());
		}
	}

	private AccountCommand command(AccountForm form) {
		var fields = new FormFields();
		var command = new AccountCommand(form.name(), form.webDomain(), form.industry(), form.employeeBand(),
				fields.id("ownerAeId", form.ownerAeId()), form.country());
		fields.check(() -> this.commands.check(command));
		return command;
	}

	private String form(Viewer viewer, Model model, AccountForm form, AccountView account, Map<String, String> errors) {
		var owners = new ArrayList<>(this.users.withRole(Role.AE));
		owners.addAll(this.users.withRole(Role.SALES_MANAGER));
		// only the owners the viewer may name; the account's current owner stays
		var nameable = this.users.ownersNameableBy(viewer);
		owners.removeIf(
				o -> !nameable.test(o.id()) && (account == null || !Long.valueOf(o.id()).equals(account.ownerAeId())));
		model.addAttribute("form", form);
		model.addAttribute("account", account);
		model.addAttribute("errors", errors);
		model.addAttribute("owners", owners);
		model.addAttribute("bands", EMPLOYEE_BANDS);
		return "accounts/form";
	}

	/** The account form as typed. */
	record AccountForm(String name, String webDomain, String industry, String employeeBand, String ownerAeId,
			String country, String version) implements Serializable {

		static AccountForm of(AccountView account, long version) {
			return new AccountForm(account.name(), orEmpty(account.webDomain()), orEmpty(account.industry()),
					orEmpty(account.employeeBand()),
					(account.ownerAeId() == null) ? "" : String.valueOf(account.ownerAeId()),
					orEmpty(account.country()), String.valueOf(version));
		}

		AccountForm seeing(long version) {
			return new AccountForm(this.name, this.webDomain, this.industry, this.employeeBand, this.ownerAeId,
					this.country, String.valueOf(version));
		}

		private static String orEmpty(String value) {
			return (value == null) ? "" : value;
		}

	}

}
