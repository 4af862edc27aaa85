package com.trellis.identity;

import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program admin gets a user who forgot their password back in. Either an e-mail with a
 * single-use link where the user chooses a new password (their current one keeps working
 * until they do; the link is valid as long as a welcome link), or a new one-time password
 * shown once to the admin: it replaces the current password at once, ends the user's
 * other sessions ({@code credentials_version}, {@link SessionChecks}), forgets the failed
 * sign-ins that would make them wait ({@link LoginThrottle}) and must be replaced at the
 * next sign-in. Either way the links sent before are withdrawn. Audited without the
 * password. Refused: not an admin (403, before anything is read), no such user (404), the
 * admin themselves (409, they change it on their profile), a deactivated user (409,
 * reactivate first), a user of a sunset partner (409, they no longer sign in), a link
 * without a mail server (400 naming {@code method}). A user's API tokens are left as they
 * are (deactivation revokes them).
 */
@Service
public class AdminPasswordResets {

	private static final String AUDIT_TYPE = "user";

	private final UserAdminRepository users;

	private final SignInRepository accounts;

	private final PasswordEncoder passwords;

	private final PasswordResets links;

	private final LinkMail mail;

	private final AuditLog audit;

	private final LoginThrottle throttle;

	AdminPasswordResets(UserAdminRepository users, SignInRepository accounts, PasswordEncoder passwords,
			PasswordResets links, LinkMail mail, AuditLog audit, LoginThrottle throttle) {
		this.throttle = throttle;
		this.users = users;
		this.accounts = accounts;
		this.passwords = passwords;
		this.links = links;
		this.mail = mail;
		this.audit = audit;
	}

	/**
	 * Resets the user's password by {@code method} (null: a link when a mail server is
	 * configured, else a one-time password).
	 * @return the user, and the one-time password (shown once, never stored) or the
	 * address the link went to
	 * @throws LinkMail.NotSent when the mail server refused the message; nothing changed
	 */
	@Transactional
	public UserAdministration.Created reset(Viewer viewer, long id, UserCommand.InitialPassword method) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin resets another user's password");
		}
		var user = this.users.findForUpdate(id).orElseThrow(() -> new NotFoundException("User", id));
		if (id == viewer.userId()) {
			throw new ConflictException("id", "change your own password on your profile page");
		}
		if (!user.active()) {
			throw new ConflictException("id", "this user is deactivated; reactivate them first");
		}
		if (!this.accounts.find(id).map(SignInRepository.Account::enabled).orElse(false)) {
			throw new ConflictException("id",
					"this user's partner has left the program (sunset); they no longer sign in");
		}
		var chosen = method != null ? method : this.mail.configured() ? UserCommand.InitialPassword.EMAIL_LINK
				: UserCommand.InitialPassword.ONE_TIME_PASSWORD;
		if (chosen == UserCommand.InitialPassword.EMAIL_LINK && !this.mail.configured()) {
			throw InvalidInputException.of("method",
					"no mail server is configured (spring.mail.host); choose a one-time password");
		}
		if (chosen == UserCommand.InitialPassword.EMAIL_LINK) {
			this.links.sentByAdmin(id, user.email(), user.displayName());
			this.audit.record(viewer.actor(), AUDIT_TYPE, id, "password reset link e-mailed by an admin", null,
					Map.of("sentTo", user.email()));
			return new UserAdministration.Created(user, null, user.email());
		}
		var password = OneTimePasswords.next();
		this.links.withdraw(id);
		this.accounts.setOneTimePassword(id, this.passwords.encode(password));
		this.throttle.forgetAccount(user.email());
		var after = this.users.find(id).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "password replaced by a one-time password", user, after);
		return new UserAdministration.Created(after, password, null);
	}

}
