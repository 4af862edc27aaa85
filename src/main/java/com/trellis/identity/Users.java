package com.trellis.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Clock;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.trellis.audit.AuditLog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's facade: look up users, partner users and the manager hierarchy.
 */
@Service
@Transactional(readOnly = true)
public class Users {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	Users(UserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** Any user, enabled or not, by sign-in e-mail (any case). */
	public Optional<UserSummary> byEmail(String email) {
		return this.users.credentials(email).map(UserRepository.Credentials::user);
	}

	/**
	 * Adds a vendor user who has left or never used Trellis (an owner of imported
	 * records): deactivated, with a random password nobody knows. Audited.
	 */
	@Transactional
	public UserSummary createDeactivated(AuditLog.Actor actor, String email, String displayName, Role role) {
		if (role == Role.PARTNER) {
			throw new IllegalArgumentException("a partner user belongs to a partner");
		}
		var secret = this.passwords.encode(UUID.randomUUID() + "" + UUID.randomUUID());
		long id = this.users.insertDeactivated(email.strip(), displayName, role, secret, this.clock.instant());
		var created = this.users.find(id).orElseThrow();
		this.audit.record(actor, "user", id, "created deactivated (owner of imported records)", null, created);
		return created;
	}

	public Optional<UserSummary> find(long id) {
		return this.users.find(id);
	}

	/**
	 * The user, their row locked until the caller's transaction ends: a second hand-over
	 * of the same user's work waits for the first and then reads what is left.
	 */
	@Transactional
	public Optional<UserSummary> findLocked(long id) {
		return this.users.findLocked(id);
	}

	/** The user, when they exist and may sign in. */
	public Optional<UserSummary> findEnabled(long id) {
		return this.users.findEnabled(id);
	}

	/**
	 * Who a change's notices go to, in one read: a user by id, enabled or not (null for
	 * none), and the enabled users of a partner (null for none), by display name.
	 */
	public Recipients recipients(Long userId, Long partnerId) {
		return this.users.recipients(userId, partnerId);
	}

	/**
	 * A user (empty when unknown) and whether they may sign in, and a partner's enabled
	 * users.
	 */
	public record Recipients(Optional<UserSummary> user, boolean userEnabled, List<UserSummary> partnerUsers) {
	}

	/** Which of the users exist and may sign in, in one statement. */
	public java.util.Set<Long> enabledAmong(Collection<Long> ids) {
		return this.users.enabledAmong(ids);
	}

	public Map<Long, UserSummary> byIds(Collection<Long> ids) {
		return this.users.findAll(ids).stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	public List<UserSummary> withRole(Role role) {
		return this.users.byRole(role);
	}

	/** The vendor users who may sign in (any role), by display name. */
	public List<UserSummary> activeVendorUsers() {
		return this.users.enabledVendor();
	}

	/** Users of one partner; a partner user may only ask for their own partner's. */
	public List<UserSummary> ofPartner(Viewer viewer, long partnerId) {
		if (viewer.isPartnerUser() && viewer.partnerId() != partnerId) {
			return List.of();
		}
		return this.users.ofPartner(partnerId);
	}

	/**
	 * The enabled users of a partner, for system use such as notifying the partner of
	 * record.
	 */
	public List<UserSummary> contactsOfPartner(long partnerId) {
		return this.users.enabledOfPartner(partnerId);
	}

	/** A partner user by sign-in e-mail, for imports. */
	public Optional<UserSummary> partnerUserByEmail(String email) {
		return this.users.credentials(email).map(UserRepository.Credentials::user).filter(u -> u.partnerId() != null);
	}

	/** The users whose manager is this one (enabled or not). */
	public List<Long> directReportsOf(long managerId) {
		return this.users.directReportsOf(managerId);
	}

	/**
	 * Gives a leaving manager's direct reports a new manager (the caller, the hand-over,
	 * checked that the new manager is an active vendor user who is not below the leaver);
	 * the hand-over audits the move. Returns who moved.
	 */
	@Transactional
	public List<Long> handOverReports(Viewer viewer, long fromManagerId, long toManagerId) {
		if (!viewer.is(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only a program admin hands over a user's work");
		}
		return this.users.moveReports(fromManagerId, toManagerId);
	}

	/**
	 * The manager who acts for this user: their manager when active, else the next active
	 * manager up the hierarchy; empty when nobody above them is active (the caller falls
	 * back to its own rule: the partner's PAM, an admin). A deactivated manager is never
	 * picked.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> activeManagerOf(long userId) {
		return this.users.activeManagerOf(userId);
	}

	/** Everyone below a manager, at any depth. */
	public List<Long> reportsOf(long managerId) {
		return this.users.reportsOf(managerId);
	}

	/**
	 * The owners of deals and accounts the viewer may name (the forms offer only those):
	 * an account executive themselves, a sales manager themselves and everyone reporting
	 * to them, anyone else any (s55: an AE opened a deal owned by a rep of another team
	 * and could then not edit it; an account was handed over the same way).
	 */
	@Transactional(readOnly = true)
	public java.util.function.LongPredicate ownersNameableBy(Viewer viewer) {
		var owners = ownersOf(viewer);
		if (owners == null) {
			return owner -> true;
		}
		var team = java.util.Set.copyOf(owners);
		return team::contains;
	}

	/**
	 * The viewer's own owners of deals and accounts: an account executive themselves, a
	 * sales manager themselves and everyone reporting to them; null, anyone, for other
	 * roles ({@link #ownersNameableBy}, a manager's home, the process page's default).
	 */
	@Transactional(readOnly = true)
	public List<Long> ownersOf(Viewer viewer) {
		if (viewer.is(Role.AE)) {
			return List.of(viewer.userId());
		}
		if (!viewer.is(Role.SALES_MANAGER)) {
			return null;
		}
		var team = new java.util.ArrayList<>(reportsOf(viewer.userId()));
		team.add(viewer.userId());
		return team;
	}

	/**
	 * Why the viewer may not name {@code owner} as the owner of their {@code records}
	 * ("deals", "accounts"); empty when they may ({@link #ownersNameableBy}).
	 */
	@Transactional(readOnly = true)
	public Optional<String> ownerOutOfReach(Viewer viewer, long owner, String records) {
		if (ownersNameableBy(viewer).test(owner)) {
			return Optional.empty();
		}
		return Optional.of(viewer.is(Role.AE)
				? "an account executive owns the " + records
						+ " they open or change; their sales manager or an admin names another owner"
				: "must be you or an account executive of your team");
	}

}
