package com.trellis.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.trellis.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Password reset by e-mail for everyone who may sign in. A request is answered the same
 * whether the e-mail is known or not: the work done in the request is the same, and the
 * message (only for an enabled user, within {@link ResetRequestLimit}) is sent after the
 * commit on another thread, so the answer's timing does not tell either. A new link
 * closes the user's older ones; a used link, and every other open one, is dead.
 */
@Service
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private static final String AUDIT_TYPE = "user";

	private final PasswordResetRepository resets;

	private final SignInRepository accounts;

	private final PartnerAccounts passwords;

	private final LinkMail mail;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration validFor;

	private final Duration window;

	private final Duration welcomeValidFor;

	private final ResetRequestLimit limit;

	private final SimpleAsyncTaskExecutor sender = new SimpleAsyncTaskExecutor("password-reset-mail-");

	PasswordResets(PasswordResetRepository resets, SignInRepository accounts, PartnerAccounts passwords, LinkMail mail,
			AuditLog audit, Clock clock, @Value("${trellis.security.password-reset.valid-for:1h}") Duration validFor,
			@Value("${trellis.security.password-reset.window:1h}") Duration window,
			@Value("${trellis.security.password-reset.max-per-email:3}") int perEmail,
			@Value("${trellis.security.password-reset.max-per-address:20}") int perAddress,
			@Value("${trellis.security.welcome-link.valid-for:7d}") Duration welcomeValidFor) {
		this.resets = resets;
		this.accounts = accounts;
		this.passwords = passwords;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
		this.validFor = validFor;
		this.welcomeValidFor = welcomeValidFor;
		this.window = window;
		this.limit = new ResetRequestLimit(perEmail, perAddress);
		this.sender.setConcurrencyLimit(4);
	}

	/**
	 * Someone asks for a reset link for an e-mail address. Nothing about the outcome is
	 * returned.
	 */
	@Transactional
	void request(String email, String clientAddress) {
		var now = this.clock.instant();
		var key = LoginThrottle.accountKey(email);
		var address = clientAddress == null || clientAddress.isBlank() ? "unknown"
				: clientAddress.substring(0, Math.min(64, clientAddress.length()));
		var counts = this.resets.countRequest(key, address, now, now.minus(this.window));
		var decision = this.limit.decide(counts.forEmail(), counts.fromAddress());
		var account = this.accounts.lockByEmail(key).filter(SignInRepository.Account::enabled);
		// made for every request, sent or not, so known and unknown addresses cost the
		// same
		var link = OneTimeLink.issue(now, this.validFor);
		if (!decision.allowed()) {
			log.info("Password reset request not sent: {}", decision.reason());
			return;
		}
		if (account.isEmpty()) {
			return;
		}
		var user = account.get();
		this.resets.closeOpen(user.id(), now);
		this.resets.insert(user.id(), link.hash(), now, link.expiresAt());
		this.audit.record(AuditLog.Actor.SYSTEM, AUDIT_TYPE, user.id(), "password reset link sent", null,
				Map.of("expiresAt", link.expiresAt().toString()));
		afterCommit(() -> this.sender.execute(() -> send(user.email(), link.secret())));
	}

	/**
	 * E-mails a new user a link where they choose their first password: a reset link
	 * valid for longer, opened on the same page under the same rule. Sent now, inside the
	 * caller's transaction, so that a message the mail server refuses leaves nothing
	 * behind.
	 * @throws LinkMail.NotSent when the message could not be handed over
	 */
	@Transactional
	void welcome(long userId, String email, String name) {
		sendChoosing(userId, email, "Your Trellis account",
				"Hello " + name + ", a program admin has opened a Trellis account for you.");
	}

	/**
	 * Closes the user's open links (the user was deactivated, or their e-mail address
	 * changed): a link sent earlier never opens again, also after a reactivation.
	 * @return how many were open
	 */
	@Transactional
	int withdraw(long userId) {
		return this.resets.closeOpen(userId, this.clock.instant());
	}

	/**
	 * E-mails a new set-password link to a user's corrected address after
	 * {@link #withdraw} closed the one sent to the old address (s56: a welcome link
	 * mailed to a mistyped address still opened after the admin corrected it, and whoever
	 * held it signed in as the user).
	 * @throws LinkMail.NotSent when the message could not be handed over
	 */
	@Transactional
	void resendToChangedAddress(long userId, String email, String name) {
		sendChoosing(userId, email, "Your Trellis account's e-mail address",
				"Hello " + name + ", a program admin changed the e-mail address of your Trellis account to " + email
						+ "; the link sent before no longer works.");
	}

	/**
	 * E-mails a user a link where they choose a new password, on a program admin's
	 * request ({@link AdminPasswordResets}); valid as long as a welcome link, their
	 * current password working until they use it.
	 * @throws LinkMail.NotSent when the message could not be handed over
	 */
	@Transactional
	void sentByAdmin(long userId, String email, String name) {
		sendChoosing(userId, email, "Choose a new Trellis password", "Hello " + name
				+ ", a program admin asked for a new password for your Trellis account; your current password works until you choose the new one.");
	}

	private void sendChoosing(long userId, String email, String subject, String opening) {
		var now = this.clock.instant();
		var link = OneTimeLink.issue(now, this.welcomeValidFor);
		this.resets.closeOpen(userId, now);
		this.resets.insert(userId, link.hash(), now, link.expiresAt());
		this.mail.send(email, subject, opening + " Open this link within " + OneTimeLink.describe(this.welcomeValidFor)
				+ " to choose your password; it works once. Afterwards you sign in with your e-mail address " + email
				+ " and that password. If the link has expired, use \"Forgot password?\" on the " + "sign-in page.",
				"/password/reset/" + link.secret());
	}

	/** Whether the link in a reset e-mail still opens. */
	@Transactional(readOnly = true)
	OneTimeLink.State open(String secret) {
		var now = this.clock.instant();
		return this.resets.find(OneTimeLink.hash(secret), false)
			.map(link -> enabled(link) ? link.state(now) : OneTimeLink.State.UNKNOWN)
			.orElse(OneTimeLink.State.UNKNOWN);
	}

	/**
	 * Sets the new password when the link still opens; the link and every other open link
	 * of the user die.
	 * @return the state the link was in; the password was changed only when it was open
	 */
	@Transactional
	OneTimeLink.State reset(String secret, String password, String confirmation) {
		var now = this.clock.instant();
		var link = this.resets.find(OneTimeLink.hash(secret), true).orElse(null);
		if (link == null) {
			return OneTimeLink.State.UNKNOWN;
		}
		var account = this.accounts.lock(link.userId()).filter(SignInRepository.Account::enabled).orElse(null);
		if (account == null) {
			return OneTimeLink.State.UNKNOWN;
		}
		var state = link.state(now);
		if (!state.opens()) {
			return state;
		}
		this.passwords.resetPassword(account, password, confirmation);
		this.resets.markUsed(link.id(), now);
		this.resets.closeOpen(account.id(), now);
		return state;
	}

	@Scheduled(cron = "${trellis.security.password-reset.cleanup-cron:0 41 * * * *}",
			zone = "${trellis.business.time-zone:UTC}")
	@Transactional
	void forgetOldRequests() {
		this.resets.forgetRequestsBefore(this.clock.instant().minus(this.window));
	}

	private boolean enabled(PasswordResetRepository.Link link) {
		return this.accounts.find(link.userId()).map(SignInRepository.Account::enabled).orElse(false);
	}

	private void send(String to, String secret) {
		try {
			this.mail.send(to, "Reset your Trellis password",
					"Someone (we hope you) asked to reset the password of your Trellis account. Open this link "
							+ "within " + OneTimeLink.describe(this.validFor)
							+ " to choose a new one. It works once. If you "
							+ "did not ask, ignore this message; your password stays as it is.",
					"/password/reset/" + secret);
		}
		catch (LinkMail.NotSent ex) {
			log.warn("Password reset e-mail not sent: {}", ex.reason());
		}
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
