package com.trellis.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program admin creates, edits, deactivates and reactivates vendor users. A new user
 * gets an e-mail with a single-use link where they choose their password (the password
 * reset link, {@link PasswordResets#welcome}) or, when no mail server is configured or
 * the admin asks for it, a one-time password shown once to the admin that they replace at
 * their first sign-in. A deactivated user cannot sign in, their API tokens are revoked
 * for good (each audited; reactivation does not bring them back) and their open sessions
 * end on the next request. Every change is audited; passwords never are.
 */
@Service
public class UserAdministration {

	private static final String AUDIT_TYPE = "user";

	private final UserAdminRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final PasswordResets links;

	private final LinkMail mail;

	private final ApiTokens tokens;

	private final ObjectProvider<WorkHeld> work;

	UserAdministration(UserAdminRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock,
			PasswordResets links, LinkMail mail, ApiTokens tokens, ObjectProvider<WorkHeld> work) {
		this.work = work;
		this.tokens = tokens;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.links = links;
		this.mail = mail;
	}

	@Transactional(readOnly = true)
	public PageResult<UserAccount> search(Viewer viewer, UserFilter filter, PageRequest page) {
		requireAdmin(viewer);
		return this.users.search(filter, page);
	}

	@Transactional(readOnly = true)
	public UserAccount get(Viewer viewer, long id) {
		requireAdmin(viewer);
		return existing(id);
	}

	/**
	 * Creates a vendor user who chooses their password through an e-mailed link, or gets
	 * a one-time password, returned once and never stored.
	 * @throws LinkMail.NotSent when the mail server refused the message; nobody is
	 * created
	 */
	@Transactional
	public Created create(Viewer viewer, UserCommand command) {
		requireAdmin(viewer);
		this.users.lockAdministration();
		refuse(problems(null, command, null));
		var byLink = initialPassword(command) == UserCommand.InitialPassword.EMAIL_LINK;
		// with a link, nobody ever sees this password: the user can only sign in once
		// they
		// chose their own
		var password = OneTimePasswords.next();
		long id;
		try {
			id = this.users.insert(new UserAdminRepository.NewUser(command.email().strip(),
					command.displayName().strip(), this.passwords.encode(password), command.role(), command.managerId(),
					UserAdminRepository.blankToNull(command.team()),
					UserAdminRepository.blankToNull(command.jobRole())), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw emailTaken();
		}
		var created = existing(id);
		if (byLink) {
			this.links.welcome(id, created.email(), created.displayName());
			this.audit.record(viewer.actor(), AUDIT_TYPE, id, "created; set-password link e-mailed", null, created);
			return new Created(created, null, created.email());
		}
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "created with a one-time password", null, created);
		return new Created(created, password, null);
	}

	/** How the new user gets in: as asked, else by link when mail can be sent. */
	private UserCommand.InitialPassword initialPassword(UserCommand command) {
		if (command.initialPassword() == null) {
			return defaultInitialPassword();
		}
		if (command.initialPassword() == UserCommand.InitialPassword.EMAIL_LINK && !this.mail.configured()) {
			throw InvalidInputException.of("initialPassword",
					"no mail server is configured (spring.mail.host); choose a one-time password");
		}
		return command.initialPassword();
	}

	/** The choice the create form starts with. */
	UserCommand.InitialPassword defaultInitialPassword() {
		return this.mail.configured() ? UserCommand.InitialPassword.EMAIL_LINK
				: UserCommand.InitialPassword.ONE_TIME_PASSWORD;
	}

	@Transactional
	public UserAccount update(Viewer viewer, long id, UserCommand command) {
		requireAdmin(viewer);
		this.users.lockAdministration();
		var before = this.users.findForUpdate(id).orElseThrow(() -> new NotFoundException("User", id));
		refuse(problems(id, command, before));
		try {
			this.users.update(id, command);
		}
		catch (DuplicateKeyException ex) {
			throw emailTaken();
		}
		var after = existing(id);
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "updated", before, after);
		if (!after.email().equalsIgnoreCase(before.email()) && this.links.withdraw(id) > 0 && after.active()
				&& this.mail.configured()) {
			// the open link went to the old address: the person there no longer gets in
			this.links.resendToChangedAddress(id, after.email(), after.displayName());
			this.audit.record(viewer.actor(), AUDIT_TYPE, id, "set-password link e-mailed to the new address", null,
					null);
		}
		return after;
	}

	/**
	 * Deactivates a user and revokes their API tokens; deactivating a deactivated user
	 * changes nothing.
	 */
	@Transactional
	public UserAccount deactivate(Viewer viewer, long id) {
		requireAdmin(viewer);
		this.users.lockAdministration();
		var before = this.users.findForUpdate(id).orElseThrow(() -> new NotFoundException("User", id));
		if (!before.active()) {
			return before;
		}
		if (id == viewer.userId()) {
			throw new ConflictException("id", "you cannot deactivate yourself");
		}
		if (before.role() == Role.ADMIN && this.users.activeAdmins() <= 1) {
			throw new ConflictException("id", "this is the last active program admin");
		}
		this.users.setActive(id, false);
		// for good: reactivating the user does not bring them back, nor a link they
		// were sent
		this.tokens.revokeAll(viewer.actor(), id);
		this.links.withdraw(id);
		var after = existing(id);
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "deactivated", before, after);
		return after;
	}

	/**
	 * How many active users still name this user as their manager: after a manager is
	 * deactivated, the hand-over ({@code /admin/users/{id}/reassign}) gives them another.
	 */
	@Transactional(readOnly = true)
	public long activeReports(Viewer viewer, long id) {
		requireAdmin(viewer);
		return this.users.activeReports(id);
	}

	/**
	 * The work other than direct reports a user holds ({@link WorkHeld}): what a
	 * deactivation leaves to hand over.
	 */
	@Transactional(readOnly = true)
	public List<WorkHeld.Held> heldWork(Viewer viewer, long id) {
		requireAdmin(viewer);
		return heldWork(id);
	}

	private List<WorkHeld.Held> heldWork(long id) {
		var held = this.work.getIfAvailable();
		return held == null ? List.of() : held.heldBy(id);
	}

	/**
	 * Lets a deactivated user sign in again; reactivating an active user changes nothing.
	 */
	@Transactional
	public UserAccount reactivate(Viewer viewer, long id) {
		requireAdmin(viewer);
		var before = this.users.findForUpdate(id).orElseThrow(() -> new NotFoundException("User", id));
		if (before.active()) {
			return before;
		}
		this.users.setActive(id, true);
		var after = existing(id);
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "reactivated", before, after);
		return after;
	}

	/**
	 * Runs the checks of {@link #create} ({@code id} null) or {@link #update} without
	 * changing anything, so that a page form can name every bad field at once, also when
	 * some of its fields could not be read.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, Long id, UserCommand command) {
		requireAdmin(viewer);
		var before = (id == null) ? null : existing(id);
		var problems = problems(id, command, before);
		if (id == null && command.initialPassword() == UserCommand.InitialPassword.EMAIL_LINK
				&& !this.mail.configured()) {
			problems.add(new FieldError("initialPassword",
					"no mail server is configured (spring.mail.host); choose a one-time password"));
		}
		refuse(problems);
	}

	/**
	 * Every problem of the command at once: the role, the manager (the stored one, kept
	 * unchanged, is accepted even when that manager has left since), the last admin and
	 * an e-mail another user signs in with.
	 */
	private List<FieldError> problems(Long id, UserCommand command, UserAccount before) {
		List<FieldError> errors = new ArrayList<>();
		if (before != null && before.role() == Role.PARTNER) {
			errors.add(new FieldError("role", "a partner user is managed through their partner, not here"));
		}
		else if (before != null && before.role() == Role.ADMIN && command.role() != null && command.role() != Role.ADMIN
				&& before.active() && this.users.activeAdmins() <= 1) {
			errors
				.add(new FieldError("role", "this is the last active program admin; make someone else an admin first"));
		}
		if (before != null && command.role() != null && command.role() != before.role() && before.role() != Role.PARTNER
				&& command.role() != Role.PARTNER) {
			// a PAM made an AE with partners still in their book (try72)
			var refused = WorkHeld.refusedRole(heldWork(id), command.role());
			if (refused != null) {
				errors.add(new FieldError("role", refused));
			}
		}
		Long currentManagerId = (before == null) ? null : before.managerId();
		if (command.role() == Role.PARTNER) {
			errors.add(new FieldError("role", "partner users are invited through their partner; choose a vendor role"));
		}
		if (command.managerId() != null) {
			var manager = this.users.find(command.managerId()).orElse(null);
			if (manager == null) {
				errors.add(new FieldError("managerId", "no user has the id " + command.managerId()));
			}
			else {
				var decision = ManagerHierarchy.decide(id,
						new ManagerHierarchy.Candidate(manager.id(), manager.displayName(), manager.role().isVendor(),
								manager.active()),
						this.users.managersAbove(manager.id()), command.managerId().equals(currentManagerId));
				if (!decision.allowed()) {
					errors.add(new FieldError("managerId", decision.reason()));
				}
			}
		}
		if (command.email() != null && !command.email().isBlank()) {
			var holder = this.users.idByEmail(command.email().strip());
			if (holder.isPresent() && !holder.get().equals(id)) {
				errors.add(new FieldError(EMAIL_TAKEN.field(), EMAIL_TAKEN.message()));
			}
		}
		return errors;
	}

	/**
	 * Refuses the problems found: an e-mail another user signs in with alone is a
	 * conflict (409), as it always was; with other problems every one is named in one
	 * answer.
	 */
	private static void refuse(List<FieldError> problems) {
		if (problems.size() == 1 && problems.get(0).equals(EMAIL_TAKEN)) {
			throw emailTaken();
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private UserAccount existing(long id) {
		return this.users.find(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	private static final FieldError EMAIL_TAKEN = new FieldError("email",
			"another user already signs in with this e-mail");

	private static ConflictException emailTaken() {
		return new ConflictException(EMAIL_TAKEN.field(), EMAIL_TAKEN.message());
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin administers users");
		}
	}

	/**
	 * A new user, and either their one-time password (shown once) or the address the
	 * set-password link went to.
	 */
	public record Created(UserAccount user, String oneTimePassword, String setPasswordLinkSentTo) {
	}

}
