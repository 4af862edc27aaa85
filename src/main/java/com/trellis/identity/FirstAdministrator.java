package com.trellis.identity;

import java.time.Clock;

import com.trellis.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first program admin of a Trellis started without demo data: with
 * {@code trellis.admin.email} set, a user with that e-mail is created once, as an admin,
 * when no user has it yet. Their one-time password is written to the log once (a WARN
 * line) and must be replaced at the first sign-in. A later start finds the user and
 * changes nothing: it neither prints a password again nor resets one. Set to a new
 * address while admins exist (the operator's way back in when every admin's password is
 * lost), it creates that admin too, saying so in the log and the audit log. Runs after
 * the demo loader, so it never keeps the demo from loading.
 */
@Component
class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAdminRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final String email;

	private final String name;

	FirstAdministrator(UserAdminRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock,
			@Value("${trellis.admin.email:}") String email, @Value("${trellis.admin.name:}") String name) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.email = email.strip();
		this.name = name.isBlank() ? "Program admin" : name.strip();
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void ensure() {
		if (this.email.isEmpty()) {
			return;
		}
		if (!this.email.matches("[^@\\s]{1,64}@[^@\\s]{1,189}") || this.email.length() > 254) {
			throw new IllegalStateException("trellis.admin.email must be an e-mail address, got: " + this.email);
		}
		this.users.lockAdministration();
		if (this.users.idByEmail(this.email).isPresent()) {
			log.info("First administrator {} exists already; nothing to do", this.email);
			return;
		}
		// with admins already there this is the operator's way back in (every admin's
		// password lost, no mail server): said so in the log and the audit log (s56)
		long admins = this.users.activeAdmins();
		var password = OneTimePasswords.next();
		long id = this.users.insert(new UserAdminRepository.NewUser(this.email, this.name,
				this.passwords.encode(password), Role.ADMIN, null, null, null), this.clock.instant());
		this.audit.record(AuditLog.Actor.SYSTEM, "user", id,
				admins == 0 ? "created as the first administrator"
						: "created as an administrator from trellis.admin.email while " + admins
								+ " active administrators existed",
				null, this.users.find(id).orElseThrow());
		log.warn("""

				******** {} ********
				Sign in as {} with this one-time password: {}
				It is shown only this once; you will choose your own password at the first sign-in.
				*********************************************""", admins == 0 ? "FIRST ADMINISTRATOR CREATED"
				: "ANOTHER ADMINISTRATOR CREATED (" + admins + " active ones existed)", this.email, password);
	}

}
