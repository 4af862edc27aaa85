package com.trellis.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's facade: register (entry gate, conflict check, rules of
 * engagement: {@link Registering}), decide (approve, reject, send back), withdraw, extend
 * and expire ({@link RegistrationDecisions}), and the reads; each public method is one
 * transaction. Who may do what: {@link RegistrationAccess}.
 */
@Service
public class Registrations {

	private final RegistrationRulesStore ruleStore;

	private final RegistrationQueries queries;

	private final ConflictFinder conflicts;

	private final Registering registering;

	private final RegistrationDecisions decisions;

	private final ProtectionExpiry expiry;

	private final RegistrationAccess access;

	private final RegistrationInput input;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	Registrations(RegistrationRulesStore ruleStore, RegistrationQueries queries, ConflictFinder conflicts,
			Registering registering, RegistrationDecisions decisions, ProtectionExpiry expiry,
			RegistrationAccess access, RegistrationInput input, Partners partners, Users users, AuditLog audit,
			Clock clock) {
		this.expiry = expiry;
		this.ruleStore = ruleStore;
		this.queries = queries;
		this.conflicts = conflicts;
		this.registering = registering;
		this.decisions = decisions;
		this.access = access;
		this.input = input;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public RegistrationView register(Viewer viewer, RegistrationCommand input) {
		return this.registering.register(viewer, input);
	}

	@Transactional
	public RegistrationView resubmit(Viewer viewer, long id, RegistrationCommand input) {
		return this.decisions.resubmit(viewer, id, input);
	}

	/**
	 * Runs the checks of {@link #resubmit} without changing anything, so that a page form
	 * can name every bad field at once, also when some of its fields could not be read.
	 */
	@Transactional(readOnly = true)
	public void checkResubmission(Viewer viewer, long id, RegistrationCommand input) {
		this.input.resubmission(viewer, this.access.visible(viewer, id), input, this.ruleStore.rules());
	}

	@Transactional
	public RegistrationView approve(Viewer viewer, long id, ApproveCommand command) {
		return this.decisions.approve(viewer, id, command);
	}

	@Transactional
	public RegistrationView reject(Viewer viewer, long id, String reason) {
		return this.decisions.reject(viewer, id, reason);
	}

	/**
	 * The PAM lifts a hold they find wrong (a conflict through a shared parent domain,
	 * say): the registration awaits approval with its own protection and approval
	 * deadline, so the PAM then approves or sends it back. The reason is kept in the
	 * history and the audit log.
	 */
	@Transactional
	public RegistrationView overrideHold(Viewer viewer, long id, String reason) {
		return this.decisions.overrideHold(viewer, id, reason);
	}

	@Transactional
	public RegistrationView sendBack(Viewer viewer, long id, String reason) {
		return this.decisions.sendBack(viewer, id, reason);
	}

	@Transactional
	public RegistrationView withdraw(Viewer viewer, long id) {
		return this.decisions.withdraw(viewer, id);
	}

	@Transactional
	public RegistrationView extend(Viewer viewer, long id) {
		return this.decisions.extend(viewer, id);
	}

	/**
	 * Expires every registration whose protection ended before its deal closed and
	 * releases what waited behind it ({@link ProtectionExpiry}). One statement picks and
	 * changes the rows, so running it twice, or on two instances at once, expires each
	 * registration once.
	 */
	@Transactional
	public int expireLapsed() {
		return this.expiry.expireLapsed();
	}

	@Transactional(readOnly = true)
	public RegistrationView get(Viewer viewer, long id) {
		return this.access.visible(viewer, id).view();
	}

	@Transactional(readOnly = true)
	public PageResult<RegistrationView> search(Viewer viewer, RegistrationFilter filter, PageRequest page) {
		if (viewer.isPartnerUser()) {
			// another partner's id is refused, 403, as everywhere a partner user names
			// one
			// (it listed nothing)
			viewer.ownPartner(filter.partnerId());
		}
		List<Long> book = null;
		if (filter.mine() && viewer.is(Role.PAM)) {
			book = this.partners.book(viewer.userId());
		}
		return this.queries.search(viewer, filter, book, this.clock.instant(), page);
	}

	/**
	 * One partner's registrations counted per status in the viewer's scope, in one
	 * statement (the statuses without registrations absent): what {@link #search} by
	 * status and partner would count, status by status.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<RegistrationStatus, Long> countByStatus(Viewer viewer, long partnerId) {
		return this.queries.countByStatus(viewer, partnerId);
	}

	/**
	 * Approval SLA breaches a PAM must act on: their book, or their reports' books for a
	 * manager.
	 */
	@Transactional(readOnly = true)
	public PageResult<RegistrationView> breaches(Viewer viewer, PageRequest page) {
		return breaches(viewer, null, page);
	}

	/** As {@link #breaches(Viewer, PageRequest)}, of one status when not null. */
	@Transactional(readOnly = true)
	public PageResult<RegistrationView> breaches(Viewer viewer, RegistrationStatus status, PageRequest page) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see approval queues");
		}
		List<Long> scope = null;
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			var pams = new ArrayList<>(this.users.reportsOf(viewer.userId()));
			pams.add(viewer.userId());
			scope = pams.stream().flatMap(pam -> this.partners.book(pam).stream()).toList();
		}
		return this.queries.search(viewer, new RegistrationFilter(status, null, true, false), scope,
				this.clock.instant(), page);
	}

	/**
	 * The claims that decided a registration (or would, were the one before found wrong),
	 * the deciding one first, and why each matched; vendor staff only. Other claims on
	 * the customer are counted ({@link #conflictsFound}), not listed.
	 */
	@Transactional(readOnly = true)
	public List<ConflictView> conflicts(Viewer viewer, long id) {
		RegistrationAccess.requireSeesConflicts(viewer);
		this.access.visible(viewer, id);
		return this.conflicts.recorded(id);
	}

	/**
	 * How many claims on the customer the conflict check found when the registration was
	 * submitted, listed or not; null for one registered before this was counted.
	 */
	@Transactional(readOnly = true)
	public Integer conflictsFound(Viewer viewer, long id) {
		RegistrationAccess.requireSeesConflicts(viewer);
		this.access.visible(viewer, id);
		return this.conflicts.found(id);
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Viewer viewer, long id) {
		this.access.visible(viewer, id);
		var history = this.queries.history(id);
		if (viewer.isPartnerUser()) {
			return history.stream().map(h -> new HistoryEntry(h.from(), h.to(), null, h.at(), h.to().label())).toList();
		}
		return history;
	}

	/** How many of the partner's registrations were rejected since a moment. */
	@Transactional(readOnly = true)
	public long rejectedSince(long partnerId, java.time.Instant since) {
		return this.queries.rejectedSince(partnerId, since);
	}

	/**
	 * Approved registrations the viewer sees whose protection ends in {@code [from, to)},
	 * soonest first, at most {@code limit}: narrowed to one partner, or with {@code book}
	 * to a PAM's book. Found in SQL, so none is missed among many.
	 */
	@Transactional(readOnly = true)
	public List<RegistrationView> protectionEnding(Viewer viewer, Long partnerId, boolean book, java.time.Instant from,
			java.time.Instant to, int limit) {
		List<Long> partners = book && viewer.is(Role.PAM) ? this.partners.book(viewer.userId()) : null;
		return this.queries.protectionEnding(viewer, partnerId, partners, from, to, limit);
	}

	/** When the partner first registered a deal on or after a moment, or null. */
	@Transactional(readOnly = true)
	public java.time.Instant firstSubmittedAt(long partnerId, java.time.Instant since) {
		return this.queries.firstSubmittedAt(partnerId, since);
	}

	@Transactional(readOnly = true)
	public RegistrationRules rules() {
		return this.ruleStore.rules();
	}

	/**
	 * Runs the checks of {@link #register} on a command without registering anything, so
	 * that a page form can name every bad field at once, also when some of its fields
	 * could not even be read.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, RegistrationCommand input) {
		var command = viewer.isPartnerUser()
				? RegistrationInput.withPartner(input, viewer.ownPartner(input.partnerId())) : input;
		this.input.validated(viewer, command, this.ruleStore.rules());
	}

	@Transactional
	public RegistrationRules changeRules(Viewer viewer, RegistrationRules rules) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin sets the rules of engagement");
		}
		var before = this.ruleStore.rules();
		this.ruleStore.save(rules, viewer.userId(), this.clock.instant());
		this.audit.record(viewer.actor(), "registration-rules", 1, "changed", before, rules);
		return this.ruleStore.rules();
	}

	public boolean canDecide(Viewer viewer, RegistrationView view) {
		return this.access.canDecide(viewer, view);
	}

	/**
	 * Refuses a viewer who does not decide on the registration: 404 when they cannot see
	 * it, 403 unless they are the partner's PAM or a program admin.
	 */
	@Transactional(readOnly = true)
	public void requireDecides(Viewer viewer, long id) {
		this.access.requireDecides(viewer, this.access.visible(viewer, id).view());
	}

	/**
	 * Refuses a viewer who may not edit the registration: 404 when they cannot see it,
	 * 403 unless they are of its partner or registered it.
	 */
	@Transactional(readOnly = true)
	public void requireEdits(Viewer viewer, long id) {
		RegistrationAccess.requireEdits(viewer, this.access.visible(viewer, id).view());
	}

	/**
	 * Refuses a viewer who may not withdraw the registration: 404 when they cannot see
	 * it, 403 unless they are of its partner, registered it, or decide on it.
	 */
	@Transactional(readOnly = true)
	public void requireWithdraws(Viewer viewer, long id) {
		this.access.requireWithdraws(viewer, this.access.visible(viewer, id).view());
	}

}
