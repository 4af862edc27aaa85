package com.trellis.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user administration pages of a program admin: the list with search and filters, a
 * new user (whose one-time password is shown once), a user's page with the edit form and
 * deactivate or reactivate, and a password reset ({@link AdminPasswordResets}).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminPageController {

	private final UserAdministration administration;

	private final Users users;

	private final Commands commands;

	private final AdminPasswordResets resets;

	UserAdminPageController(UserAdministration administration, Users users, Commands commands,
			AdminPasswordResets resets) {
		this.administration = administration;
		this.resets = resets;
		this.users = users;
		this.commands = commands;
	}

	@GetMapping("/admin/users")
	String list(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		// filters read as given or refused (a 400 page naming each bad one), as the API
		// does
		var errors = new ArrayList<InvalidInputException.FieldError>();
		var roleFilter = UserListParameters.role(role, errors);
		var activeFilter = UserListParameters.active(active, errors);
		// a page below 0 or a size out of range is named with them, never clamped
		var paging = PageRequest.of(page, size == null ? 50 : size, errors);
		var filter = new UserFilter(q, roleFilter, activeFilter, false);
		model.addAttribute("result",
				this.administration.search(viewer, filter, PageRequest.listed(paging.page(), paging.size())));
		model.addAttribute("q", q);
		model.addAttribute("role", roleFilter);
		model.addAttribute("active", activeFilter);
		model.addAttribute("roles", Role.values());
		return "identity/users";
	}

	@GetMapping("/admin/users/new")
	String newUser(Viewer viewer, Model model) {
		return form(viewer, null,
				new UserCommand(null, null, Role.AE, null, null, null, this.administration.defaultInitialPassword()),
				Map.of(), model);
	}

	@PostMapping("/admin/users")
	String create(Viewer viewer, @Valid @ModelAttribute("form") UserCommand command, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(viewer, null, command, FormErrors.of(binding, FormErrors
				.checks(() -> this.commands.check(command), () -> this.administration.check(viewer, null, command))),
					model);
		}
		try {
			var created = this.administration.create(viewer, command);
			redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
			redirect.addFlashAttribute("notice",
					created.setPasswordLinkSentTo() == null ? "User created"
							: "User created; a link to choose their password was e-mailed to "
									+ created.setPasswordLinkSentTo());
			return "redirect:/admin/users/" + created.user().id();
		}
		catch (InvalidInputException ex) {
			return form(viewer, null, command, FormErrors.of(ex), model);
		}
		catch (ConflictException ex) {
			return form(viewer, null, command, Map.of("email", "another user already signs in with this e-mail"),
					model);
		}
		catch (LinkMail.NotSent ex) {
			return form(viewer, null, command, Map.of("initialPassword", ex.reason()), model);
		}
	}

	@GetMapping("/admin/users/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var user = this.administration.get(viewer, id);
		return form(viewer, user, new UserCommand(user.email(), user.displayName(), user.role(), user.team(),
				user.managerId(), user.jobRole()), Map.of(), model);
	}

	@PostMapping("/admin/users/{id}")
	String update(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("form") UserCommand command,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		var user = this.administration.get(viewer, id);
		if (binding.hasErrors()) {
			return form(viewer, user, command, FormErrors.of(binding, FormErrors
				.checks(() -> this.commands.check(command), () -> this.administration.check(viewer, id, command))),
					model);
		}
		try {
			this.administration.update(viewer, id, command);
			redirect.addFlashAttribute("notice", "Saved");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException ex) {
			return form(viewer, user, command, FormErrors.of(ex), model);
		}
		catch (ConflictException ex) {
			return form(viewer, user, command, Map.of("email", "another user already signs in with this e-mail"),
					model);
		}
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.deactivate(viewer, id);
			redirect.addFlashAttribute("notice", "Deactivated: they can no longer sign in or use their API tokens");
			// the user page warns of reports still naming them, with the hand-over link
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", "Not deactivated: " + ex.getMessage().replaceFirst("^id: ", ""));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.administration.reactivate(viewer, id);
		redirect.addFlashAttribute("notice", "Reactivated");
		return "redirect:/admin/users/" + id;
	}

	/**
	 * The user page's password reset: {@code method} {@code EMAIL_LINK} or
	 * {@code ONE_TIME_PASSWORD}, shown once on the user's page.
	 */
	@PostMapping("/admin/users/{id}/password-reset")
	String resetPassword(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String method,
			RedirectAttributes redirect) {
		try {
			var chosen = method == null || method.isBlank() ? null
					: Arrays.stream(UserCommand.InitialPassword.values())
						.filter(m -> m.name().equals(method))
						.findFirst()
						.orElseThrow(() -> InvalidInputException.of("method", "must be one of the choices offered"));
			var reset = this.resets.reset(viewer, id, chosen);
			redirect.addFlashAttribute("oneTimePassword", reset.oneTimePassword());
			redirect.addFlashAttribute("passwordReset", true);
			redirect.addFlashAttribute("notice",
					reset.setPasswordLinkSentTo() == null
							? "Password replaced by a one-time password; they were signed out everywhere"
							: "A link to choose a new password was e-mailed to " + reset.setPasswordLinkSentTo());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", "Password not reset: " + ex.getMessage().replaceFirst("^[a-z]+: ", ""));
		}
		catch (LinkMail.NotSent ex) {
			redirect.addFlashAttribute("error", "Password not reset: " + ex.reason());
		}
		return "redirect:/admin/users/" + id;
	}

	private String form(Viewer viewer, UserAccount user, UserCommand command, Map<String, String> errors, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("reportsWarning", user == null || user.active() ? null : DeactivatedUser.warning(
				this.administration.activeReports(viewer, user.id()), this.administration.heldWork(viewer, user.id())));
		model.addAttribute("form", command);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isVendor).toList());
		model.addAttribute("mailConfigured",
				this.administration.defaultInitialPassword() == UserCommand.InitialPassword.EMAIL_LINK);
		var managers = new ArrayList<Choice>();
		this.administration
			.search(viewer, new UserFilter(null, null, true, true), PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.filter(m -> user == null || m.id() != user.id())
			.forEach(m -> managers.add(new Choice(m.id(), m.displayName() + " (" + m.role().label() + ")")));
		var chosen = command.managerId();
		if (chosen != null && managers.stream().noneMatch(m -> m.id() == chosen)) {
			this.users.find(chosen)
				.ifPresent(m -> managers.add(0, new Choice(m.id(), m.displayName() + " (" + m.role().label() + ")")));
		}
		model.addAttribute("managers", managers);
		return "identity/user";
	}

	/** A person to pick as manager. */
	record Choice(long id, String label) {
	}

}
