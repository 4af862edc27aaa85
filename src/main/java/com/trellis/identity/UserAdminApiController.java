package com.trellis.identity;

import com.trellis.shared.BodyChecks;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration for program admins: list, read, create (the new user is e-mailed a
 * set-password link, or the answer carries their one-time password, once), update,
 * deactivate and reactivate, and a password reset for a user who forgot theirs.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminApiController {

	private final UserAdministration administration;

	private final AdminPasswordResets resets;

	UserAdminApiController(UserAdministration administration, AdminPasswordResets resets) {
		this.administration = administration;
		this.resets = resets;
	}

	@GetMapping
	PageResult<UserAccount> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		// every bad parameter in one answer: the role read here, then the page's
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		var chosen = UserListParameters.role(role, errors);
		var pageRequest = PageRequest.of(page, size, errors);
		return this.administration.search(viewer, new UserFilter(q, chosen, active, false), pageRequest);
	}

	@GetMapping("/{id}")
	UserAccount get(Viewer viewer, @PathVariable long id) {
		return this.administration.get(viewer, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SecretInAnswer
	UserAdministration.Created create(Viewer viewer, @Valid @RequestBody UserCommand command, BindingResult binding) {
		BodyChecks.require(binding, () -> this.administration.check(viewer, null, command));
		return this.administration.create(viewer, command);
	}

	@PutMapping("/{id}")
	@com.trellis.identity.ActsOn(UserChecks.Existing.class)
	UserAccount update(Viewer viewer, @PathVariable long id, @Valid @RequestBody UserCommand command,
			BindingResult binding) {
		BodyChecks.require(binding, () -> this.administration.check(viewer, id, command));
		return this.administration.update(viewer, id, command);
	}

	/**
	 * Deactivates the user; the answer warns when active users still name them as their
	 * manager or they still hold work (partners in their book, accounts, open deals…),
	 * and links the hand-over ({@link DeactivatedUser}).
	 */
	@PostMapping("/{id}/deactivate")
	DeactivatedUser deactivate(Viewer viewer, @PathVariable long id) {
		var user = this.administration.deactivate(viewer, id);
		return DeactivatedUser.of(user, this.administration.activeReports(viewer, id),
				this.administration.heldWork(viewer, id));
	}

	/**
	 * Gets a user who forgot their password back in ({@link AdminPasswordResets}): body
	 * {@code {"method": "EMAIL_LINK" | "ONE_TIME_PASSWORD"}} (no body or no method: a
	 * link when a mail server is configured). The answer is the user with the one-time
	 * password, shown this once, or the address the link went to.
	 */
	@PostMapping("/{id}/password-reset")
	@com.trellis.identity.ActsOn(UserChecks.Existing.class)
	@SecretInAnswer
	UserAdministration.Created resetPassword(Viewer viewer, @PathVariable long id,
			@RequestBody(required = false) PasswordResetRequest request) {
		return this.resets.reset(viewer, id, request == null ? null : request.method());
	}

	/** How the user gets a new password; null: as a new user would. */
	record PasswordResetRequest(UserCommand.InitialPassword method) {
	}

	@PostMapping("/{id}/reactivate")
	UserAccount reactivate(Viewer viewer, @PathVariable long id) {
		return this.administration.reactivate(viewer, id);
	}

}
