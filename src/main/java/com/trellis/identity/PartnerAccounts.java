package com.trellis.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own sign-in: partner users opened from an invitation, and a password changed
 * by its owner. Every change is audited; no password or hash is ever written to the log.
 */
@Service
public class PartnerAccounts {

	private static final String AUDIT_TYPE = "user";

	private final SignInRepository accounts;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	PartnerAccounts(SignInRepository accounts, PasswordEncoder encoder, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Why this e-mail cannot be invited to the partner, or empty when it can: nobody has
	 * it yet, or a deactivated user of the same partner has it (accepting opens them
	 * again) whom no program admin deactivated (an imported contact, a user who never
	 * joined); an admin's deactivation is undone only by an admin's reactivation.
	 */
	@Transactional
	public Optional<InviteRefusal> whyNotInvitable(long partnerId, String email) {
		return this.accounts.lockByEmail(email).flatMap(account -> refusal(account, partnerId));
	}

	/**
	 * Opens the partner user the invitation was for: a new user, or the partner's
	 * deactivated user with this e-mail enabled again, with the chosen password.
	 * @return the user's id
	 */
	@Transactional
	public long open(long partnerId, String email, String name, String password, String confirmation) {
		PasswordRule.require(password, confirmation, email, false);
		var existing = this.accounts.lockByEmail(email);
		var refusal = existing.flatMap(account -> refusal(account, partnerId));
		if (refusal.isPresent()) {
			throw InvalidInputException.of("email", refusal.get().reason());
		}
		var hash = this.encoder.encode(password);
		long id;
		String action;
		if (existing.isPresent()) {
			id = existing.get().id();
			this.accounts.reopenPartnerUser(id, name, hash);
			action = "reopened by invitation";
		}
		else {
			id = this.accounts.insertPartnerUser(partnerId, email, name, hash, this.clock.instant());
			action = "opened by invitation";
		}
		this.audit.record(new AuditLog.Actor(id, name), AUDIT_TYPE, id, action, null,
				Map.of("email", email, "name", name, "role", Role.PARTNER.name(), "partnerId", partnerId));
		return id;
	}

	/**
	 * The signed-in user changes their own password, proving the current one (the
	 * one-time password they signed in with, when they hold one); their other sessions
	 * end.
	 * @return the new credentials version, which the changing session keeps
	 */
	@Transactional
	public int changePassword(Viewer viewer, String current, String password, String confirmation) {
		var account = this.accounts.lock(viewer.userId()).orElseThrow();
		if (current == null || current.isEmpty() || !this.encoder.matches(current, account.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "is not your current password");
		}
		PasswordRule.require(password, confirmation, account.email(), current(account, password));
		int version = this.accounts.setPassword(account.id(), this.encoder.encode(password));
		this.audit.record(viewer.actor(), AUDIT_TYPE, account.id(),
				account.mustChangePassword() ? "replaced their one-time password" : "password changed", null, null);
		return version;
	}

	/** Whether the user still holds a one-time password they must replace. */
	@Transactional(readOnly = true)
	public boolean mustChangePassword(Viewer viewer) {
		return this.accounts.find(viewer.userId()).map(SignInRepository.Account::mustChangePassword).orElse(false);
	}

	/** Sets a password proven by a reset link (the caller checked the link). */
	@Transactional
	void resetPassword(SignInRepository.Account account, String password, String confirmation) {
		// a reset (or a welcome link) must not set the password the user has now either
		PasswordRule.require(password, confirmation, account.email(), current(account, password));
		this.accounts.setPassword(account.id(), this.encoder.encode(password));
		this.audit.record(account.actor(), AUDIT_TYPE, account.id(), "password reset by e-mail link", null, null);
	}

	/** Whether {@code password} is the one the account has now (none yet: false). */
	private boolean current(SignInRepository.Account account, String password) {
		return password != null && account.passwordHash() != null
				&& this.encoder.matches(password, account.passwordHash());
	}

	private static Optional<InviteRefusal> refusal(SignInRepository.Account account, long partnerId) {
		if (account.role() != Role.PARTNER) {
			return Optional.of(new InviteRefusal("belongs to a vendor user; vendor users are added by an admin", true));
		}
		if (account.partnerId() != partnerId) {
			return Optional.of(new InviteRefusal("belongs to a user of another partner", true));
		}
		if (account.enabled()) {
			return Optional
				.of(new InviteRefusal("already has an account for this partner; they can reset their password", false));
		}
		if (account.deactivatedByAdmin()) {
			// s56: a colleague's invitation undid the admin's deactivation
			return Optional.of(new InviteRefusal(
					"belongs to a user a program admin deactivated; only a program admin reactivates them", false));
		}
		return Optional.empty();
	}

	/**
	 * Why an e-mail cannot be invited to a partner; {@code elsewhere} when it is another
	 * partner's or the vendor's, which a partner user is not told.
	 */
	public record InviteRefusal(String reason, boolean elsewhere) {
	}

}
