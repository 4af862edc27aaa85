package com.trellis.identity;

import com.trellis.audit.AuditLog;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user replaces their password, for instance the one-time password they were
 * given. The change is audited; the password never is.
 */
@Service
class PasswordChange {

	private final UserAdminRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	PasswordChange(UserAdminRepository users, PasswordEncoder passwords, AuditLog audit) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	boolean mustChange(Viewer viewer) {
		return this.users.find(viewer.userId()).map(UserAccount::mustChangePassword).orElse(false);
	}

	@Transactional
	void change(Viewer viewer, String currentPassword, String newPassword, String confirmation) {
		var user = this.users.findForUpdate(viewer.userId())
			.orElseThrow(() -> new NotFoundException("User", viewer.userId()));
		var hash = this.users.passwordHash(user.id()).orElseThrow();
		if (currentPassword == null || !this.passwords.matches(currentPassword, hash)) {
			throw InvalidInputException.of("currentPassword", "is not your current password");
		}
		var refusal = NewPasswordRule.check(newPassword, confirmation, user.email(),
				this.passwords.matches(newPassword == null ? "" : newPassword, hash));
		if (refusal.isPresent()) {
			throw InvalidInputException.of(refusal.get().field(), refusal.get().reason());
		}
		this.users.setPassword(user.id(), this.passwords.encode(newPassword), false);
		this.audit.record(viewer.actor(), "user", user.id(), "changed their password", null, null);
	}

}
