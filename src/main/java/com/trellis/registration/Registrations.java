package com.trellis.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.matching.CompanyIdentity;
import com.trellis.audit.AuditLog;
import com.trellis.deals.CreditType;
import com.trellis.deals.Deals;
import com.trellis.deals.RegisteredDeal;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.notify.PartnerNotice;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.FreeText;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's facade: register (entry gate, conflict check, rules of
 * engagement), decide (approve, reject, send back), withdraw, extend and expire.
 */
@Service
public class Registrations {

	private final RegistrationRepository registrations;

	private final RegistrationQueries queries;

	private final ConflictFinder conflicts;

	private final Partners partners;

	private final Accounts accounts;

	private final Deals deals;

	private final Users users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.trellis.activity.Activity activity;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final CustomerLocks locks;

	private final HeldQueue held;

	private final DecisionNotices decisionNotices;

	Registrations(RegistrationRepository registrations, RegistrationQueries queries, ConflictFinder conflicts,
			Partners partners, Accounts accounts, Deals deals, Users users, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, com.trellis.activity.Activity activity, CustomerLocks locks,
			HeldQueue held, com.trellis.shared.BusinessCalendar calendar, DecisionNotices decisionNotices) {
		this.decisionNotices = decisionNotices;
		this.activity = activity;
		this.locks = locks;
		this.held = held;
		this.calendar = calendar;
		this.registrations = registrations;
		this.queries = queries;
		this.conflicts = conflicts;
		this.partners = partners;
		this.accounts = accounts;
		this.deals = deals;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public RegistrationView register(Viewer viewer, RegistrationCommand input) {
		if (!viewer.is(Role.PARTNER, Role.AE, Role.PAM, Role.ADMIN, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("Executives do not register deals");
		}
		var command = viewer.isPartnerUser() ? withPartner(input, viewer.partnerId()) : input;
		if (command.partnerId() != null) {
			this.partners.requireActsFor(viewer, command.partnerId());
		}
		var rules = this.registrations.rules();
		var values = validated(viewer, command, rules);
		var customer = new Customer((String) values.get("customerName"), (String) values.get("registrable"),
				(String) values.get("normalized"));
		// deals open only through approval or sales, never by a racing registration: they
		// are looked up before the lock, and so are the open registrations, of which only
		// what changed since is read again under it, to keep the serialised part short
		var deals = this.conflicts.deals(customer, command.accountId());
		var searched = this.conflicts.search(customer);
		// read before the lock, so registrations sharing a lock key wait for less; the
		// activity is recorded under it, as the partner's activity fact is locked by it
		var pam = this.decisionNotices.pamOf(command.partnerId());
		this.locks.lock(customer);
		var now = this.clock.instant();
		var candidates = new ArrayList<>(this.conflicts.registrations(customer, searched));
		candidates.addAll(deals);
		var decision = RulesOfEngagement.decide(command.partnerId(), candidates, rules, now, this.calendar.zone());
		boolean protecting = decision.status() == RegistrationStatus.PENDING;
		values.put("registeredBy", viewer.userId());
		values.put("status", decision.status().name());
		values.put("reason", decision.externalReason());
		values.put("heldBehind", decision.heldBehindId());
		values.put("directConflict", decision.directConflictId());
		values.put("submittedAt", java.sql.Timestamp.from(now));
		values.put("slaDueAt", protecting ? ts(slaDue(now, rules)) : null);
		values.put("protectionEndsAt", protecting ? ts(now.plus(Duration.ofDays(rules.protectionDays()))) : null);
		var conflicts = DecisiveConflicts.select(command.partnerId(), candidates);
		values.put("conflictsFound", conflicts.found());
		var created = this.registrations
			.insert(values, "Registered; " + decision.internalReason() + "; " + conflicts.summary())
			.view();
		long id = created.id();
		this.conflicts.record(id, conflicts.recorded(), now);
		this.audit.record(viewer.actor(), "deal-registration", id, "registered: " + decision.internalReason(), null,
				created);
		this.events.publishEvent(new DealRegistered(id, created.partnerId()));
		this.decisionNotices.toDecide(viewer.userId(), created, now.toEpochMilli(), pam);
		this.activity.record(created.partnerId(), viewer.userId(), "DEAL_REGISTERED",
				"Registered " + created.customerName());
		if (decision.status() != RegistrationStatus.PENDING) {
			notice(created, decision.status().name(),
					"Registration " + decision.status().label().toLowerCase() + ": " + created.customerName(),
					decision.externalReason());
		}
		return created;
	}

	@Transactional
	public RegistrationView resubmit(Viewer viewer, long id, RegistrationCommand input) {
		var row = lockVisible(viewer, id);
		var view = row.view();
		var rules = this.registrations.rules();
		var values = resubmission(viewer, row, input, rules);
		requireMove(row, RegistrationStatus.PENDING);
		this.registrations.updateDetails(id, values);
		var now = this.clock.instant();
		this.registrations.resetSla(id, slaDue(now, rules));
		var resubmitted = move(viewer, row, RegistrationStatus.PENDING, "Resubmitted with more information",
				"Awaiting approval by your partner manager.", false);
		this.decisionNotices.toDecide(viewer.userId(), resubmitted, now.toEpochMilli());
		return resubmitted;
	}

	/**
	 * Runs the checks of {@link #resubmit} without changing anything, so that a page form
	 * can name every bad field at once, also when some of its fields could not be read.
	 */
	@Transactional(readOnly = true)
	public void checkResubmission(Viewer viewer, long id, RegistrationCommand input) {
		resubmission(viewer, visible(viewer, id), input, this.registrations.rules());
	}

	private Map<String, Object> resubmission(Viewer viewer, Row row, RegistrationCommand input,
			RegistrationRules rules) {
		var view = row.view();
		requireEdits(viewer, view);
		if (view.status() != RegistrationStatus.NEEDS_INFO) {
			throw InvalidInputException.of("status", "only a registration sent back for more information is edited");
		}
		var values = validated(viewer, withPartner(input, view.partnerId()), rules);
		if (!sameCustomer(row.customer(), (String) values.get("registrable"), (String) values.get("normalized"))) {
			throw InvalidInputException.of("customerName",
					"the customer cannot change on resubmission; withdraw this registration and register the other customer");
		}
		return values;
	}

	@Transactional
	public RegistrationView approve(Viewer viewer, long id, ApproveCommand command) {
		var row = lockDecidable(viewer, id);
		var view = row.view();
		if (view.status() != RegistrationStatus.PENDING) {
			throw InvalidInputException.of("status", "only a registration awaiting approval can be approved");
		}
		requireMove(row, RegistrationStatus.APPROVED);
		var rules = this.registrations.rules();
		var actor = viewer.actor();
		long opportunityId;
		long accountId;
		CreditType credit;
		if (row.directConflictId() != null) {
			credit = command.creditType() != null ? command.creditType()
					: view.creditType() == CreditType.SOURCED ? CreditType.INFLUENCED : view.creditType();
			this.deals.attachPartner(actor, row.directConflictId(), view.partnerId(), credit, rules.shareFor(credit));
			opportunityId = row.directConflictId();
			accountId = this.deals.get(viewer, opportunityId).accountId();
		}
		else {
			credit = command.creditType() != null ? command.creditType() : view.creditType();
			long owner = owner(viewer, view, command);
			accountId = view.accountId() != null ? view.accountId() : this.accounts.findOrCreateForRegistration(actor,
					view.customerName(), view.customerDomain(), owner);
			opportunityId = this.deals.openForRegistration(actor,
					new RegisteredDeal(accountId, dealName(view), view.amount(), view.currency(),
							view.expectedCloseDate(), owner, view.partnerId(), credit, rules.shareFor(credit)));
		}
		this.registrations.approve(id, opportunityId, accountId, credit, rules.shareFor(credit), this.clock.instant());
		var until = this.calendar.dayOf(view.protectionEndsAt());
		return move(viewer, row, RegistrationStatus.APPROVED,
				"Approved; deal " + opportunityId + " with " + credit + " credit", "Approved. Your deal is open with "
						+ credit.label().toLowerCase() + " credit; protection until " + until + ".",
				true);
	}

	@Transactional
	public RegistrationView reject(Viewer viewer, long id, String reason) {
		var row = lockDecidable(viewer, id);
		requireReason(reason);
		requireMove(row, RegistrationStatus.REJECTED);
		var rejected = move(viewer, row, RegistrationStatus.REJECTED, "Rejected: " + reason.strip(),
				"Rejected: " + reason.strip(), true);
		this.held.release(viewer.userId(), List.of(row));
		return rejected;
	}

	/**
	 * The PAM lifts a hold they find wrong (a conflict through a shared parent domain,
	 * say): the registration awaits approval with its own protection and approval
	 * deadline, so the PAM then approves or sends it back. The reason is kept in the
	 * history and the audit log.
	 */
	@Transactional
	public RegistrationView overrideHold(Viewer viewer, long id, String reason) {
		var row = lockDecidable(viewer, id);
		if (row.view().status() != RegistrationStatus.ON_HOLD) {
			throw InvalidInputException.of("status", "only a registration on hold has a hold to lift");
		}
		requireReason(reason);
		requireMove(row, RegistrationStatus.PENDING);
		var rules = this.registrations.rules();
		var now = this.clock.instant();
		this.registrations.startProtection(id, now.plus(Duration.ofDays(rules.protectionDays())), slaDue(now, rules),
				null);
		return move(viewer, row, RegistrationStatus.PENDING, "Hold lifted: " + reason.strip(),
				"Your partner manager reviewed the conflict and lifted the hold; your registration awaits approval.",
				true);
	}

	@Transactional
	public RegistrationView sendBack(Viewer viewer, long id, String reason) {
		var row = lockDecidable(viewer, id);
		requireReason(reason);
		requireMove(row, RegistrationStatus.NEEDS_INFO);
		return move(viewer, row, RegistrationStatus.NEEDS_INFO, "Sent back: " + reason.strip(),
				"Your partner manager needs more information: " + reason.strip(), true);
	}

	@Transactional
	public RegistrationView withdraw(Viewer viewer, long id) {
		var row = lockVisible(viewer, id);
		requireWithdraws(viewer, row.view());
		requireMove(row, RegistrationStatus.WITHDRAWN);
		var withdrawn = move(viewer, row, RegistrationStatus.WITHDRAWN, "Withdrawn", "Withdrawn.", false);
		this.held.release(viewer.userId(), List.of(row));
		return withdrawn;
	}

	@Transactional
	public RegistrationView extend(Viewer viewer, long id) {
		var row = lockDecidable(viewer, id);
		var view = row.view();
		if (!view.status().protects()) {
			throw InvalidInputException.of("status",
					"only a registration that holds its customer is extended, not one that is "
							+ view.status().label().toLowerCase());
		}
		if (view.extended()) {
			throw new ConflictException("extended", "the one extension has been granted already");
		}
		var until = view.protectionEndsAt().plus(Duration.ofDays(this.registrations.rules().extensionDays()));
		this.registrations.extend(id, until);
		var now = this.clock.instant();
		var date = this.calendar.dayOf(until);
		this.registrations.recordHistory(id, view.status(), view.status(), viewer.userId(), now,
				"Protection extended to " + date);
		var after = this.registrations.findForUpdate(id).orElseThrow().view();
		this.audit.record(viewer.actor(), "deal-registration", id, "protection extended", view, after);
		notice(after, "EXTENDED", "Protection extended: " + view.customerName(),
				"Your protection now runs until " + date + ".");
		return after;
	}

	/**
	 * Expires every registration whose protection ended before its deal closed. One
	 * statement picks and changes the rows, so running it twice, or on two instances at
	 * once, expires each registration once.
	 */
	@Transactional
	public int expireLapsed() {
		var now = this.clock.instant();
		var expired = this.registrations.expireLapsed(now, "The protection period ended before the deal closed.");
		var rows = expired.stream().map(id -> this.registrations.findForUpdate(id).orElseThrow()).toList();
		for (var row : rows) {
			long id = row.view().id();
			this.registrations.recordHistory(id, null, RegistrationStatus.EXPIRED, null, now,
					"Protection period ended");
			this.audit.record(AuditLog.Actor.SYSTEM, "deal-registration", id, "expired", null, row.view());
			notice(row.view(), "EXPIRED", "Registration expired: " + row.view().customerName(),
					"The protection period of your registration ended before the deal closed.");
		}
		this.held.release(null, rows);
		return expired.size();
	}

	@Transactional(readOnly = true)
	public RegistrationView get(Viewer viewer, long id) {
		return visible(viewer, id).view();
	}

	@Transactional(readOnly = true)
	public PageResult<RegistrationView> search(Viewer viewer, RegistrationFilter filter, PageRequest page) {
		List<Long> book = null;
		if (filter.mine() && viewer.is(Role.PAM)) {
			book = this.partners.book(viewer.userId());
		}
		return this.queries.search(viewer, filter, book, this.clock.instant(), page);
	}

	/**
	 * Approval SLA breaches a PAM must act on: their book, or their reports' books for a
	 * manager.
	 */
	@Transactional(readOnly = true)
	public PageResult<RegistrationView> breaches(Viewer viewer, PageRequest page) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see approval queues");
		}
		List<Long> scope = null;
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			var pams = new ArrayList<>(this.users.reportsOf(viewer.userId()));
			pams.add(viewer.userId());
			scope = pams.stream().flatMap(pam -> this.partners.book(pam).stream()).toList();
		}
		return this.queries.search(viewer, new RegistrationFilter(null, null, true, false), scope, this.clock.instant(),
				page);
	}

	/**
	 * The claims that decided a registration (or would, were the one before found wrong),
	 * the deciding one first, and why each matched; vendor staff only. Other claims on
	 * the customer are counted ({@link #conflictsFound}), not listed.
	 */
	@Transactional(readOnly = true)
	public List<ConflictView> conflicts(Viewer viewer, long id) {
		requireSeesConflicts(viewer);
		visible(viewer, id);
		return this.conflicts.recorded(id);
	}

	/**
	 * How many claims on the customer the conflict check found when the registration was
	 * submitted, listed or not; null for one registered before this was counted.
	 */
	@Transactional(readOnly = true)
	public Integer conflictsFound(Viewer viewer, long id) {
		requireSeesConflicts(viewer);
		visible(viewer, id);
		return this.conflicts.found(id);
	}

	private static void requireSeesConflicts(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users never see other parties' claims");
		}
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Viewer viewer, long id) {
		visible(viewer, id);
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
		return this.registrations.rules();
	}

	/**
	 * Runs the checks of {@link #register} on a command without registering anything, so
	 * that a page form can name every bad field at once, also when some of its fields
	 * could not even be read.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, RegistrationCommand input) {
		var command = viewer.isPartnerUser() ? withPartner(input, viewer.partnerId()) : input;
		validated(viewer, command, this.registrations.rules());
	}

	@Transactional
	public RegistrationRules changeRules(Viewer viewer, RegistrationRules rules) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin sets the rules of engagement");
		}
		var before = this.registrations.rules();
		this.registrations.saveRules(rules, viewer.userId(), this.clock.instant());
		this.audit.record(viewer.actor(), "registration-rules", 1, "changed", before, rules);
		return this.registrations.rules();
	}

	public boolean canDecide(Viewer viewer, RegistrationView view) {
		return this.partners.manages(viewer, view.partnerId());
	}

	/** When the approval is due: the SLA's business days in the business calendar. */
	private java.time.Instant slaDue(java.time.Instant now, RegistrationRules rules) {
		return BusinessDays.due(now, rules.approvalSlaBusinessDays(), this.calendar);
	}

	/**
	 * Refuses a viewer who does not decide on the registration: 404 when they cannot see
	 * it, 403 unless they are the partner's PAM or a program admin.
	 */
	@Transactional(readOnly = true)
	public void requireDecides(Viewer viewer, long id) {
		requireDecides(viewer, visible(viewer, id).view());
	}

	/**
	 * Refuses a viewer who may not edit the registration: 404 when they cannot see it,
	 * 403 unless they are of its partner or registered it.
	 */
	@Transactional(readOnly = true)
	public void requireEdits(Viewer viewer, long id) {
		requireEdits(viewer, visible(viewer, id).view());
	}

	/**
	 * Refuses a viewer who may not withdraw the registration: 404 when they cannot see
	 * it, 403 unless they are of its partner, registered it, or decide on it.
	 */
	@Transactional(readOnly = true)
	public void requireWithdraws(Viewer viewer, long id) {
		requireWithdraws(viewer, visible(viewer, id).view());
	}

	private void requireWithdraws(Viewer viewer, RegistrationView view) {
		if (!(viewer.isPartnerUser() || view.registeredBy() == viewer.userId() || canDecide(viewer, view))) {
			throw new AccessDeniedException("Only the partner, the registrant or its PAM withdraws a registration");
		}
	}

	private static void requireEdits(Viewer viewer, RegistrationView view) {
		if (!(viewer.isPartnerUser() || view.registeredBy() == viewer.userId())) {
			throw new AccessDeniedException("Only the partner or the person who registered edits a registration");
		}
	}

	private void requireDecides(Viewer viewer, RegistrationView view) {
		if (!canDecide(viewer, view)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin decides on its registrations");
		}
	}

	private Map<String, Object> validated(Viewer viewer, RegistrationCommand command, RegistrationRules rules) {
		var errors = new ArrayList<>(EntryGate.check(command, this.calendar.today()));
		String name = command.customerName();
		String domain = command.customerDomain();
		if (command.accountId() != null) {
			if (viewer.isPartnerUser()) {
				errors
					.add(new FieldError("accountId", "partner users name the customer instead of picking an account"));
			}
			else {
				try {
					var account = this.accounts.get(viewer, command.accountId());
					name = account.name();
					domain = account.webDomain();
				}
				catch (NotFoundException ex) {
					errors.add(new FieldError("accountId", "no account with id " + command.accountId()));
				}
			}
		}
		if (command.partnerId() != null) {
			try {
				var status = this.partners.get(viewer, command.partnerId()).lifecycleStatus();
				if (status == LifecycleStatus.PROSPECT || status == LifecycleStatus.SUNSET) {
					errors.add(new FieldError("partnerId",
							"a " + status.label().toLowerCase() + " partner cannot register deals"));
				}
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("partnerId", "no partner with id " + command.partnerId()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<String, Object> values = new HashMap<>();
		values.put("partner", command.partnerId());
		values.put("account", command.accountId());
		values.put("customerName", name.strip());
		values.put("customerDomain", domain == null || domain.isBlank() ? null : domain.strip().toLowerCase());
		values.put("registrable", CompanyIdentity.identityDomain(domain));
		var normalized = CompanyIdentity.normalizedName(name);
		values.put("normalized", normalized);
		values.put("shape", normalized == null ? null : CustomerLocks.shape(normalized));
		values.put("need", command.customerNeed().strip());
		values.put("amount", command.amount());
		values.put("currency", command.currency());
		values.put("closeDate", command.expectedCloseDate());
		values.put("credit", command.creditType().name());
		values.put("share", rules.shareFor(command.creditType()));
		return values;
	}

	private RegistrationView move(Viewer viewer, Row row, RegistrationStatus to, String internal, String external,
			boolean tellPartner) {
		var before = row.view();
		var now = this.clock.instant();
		this.registrations.changeStatus(before.id(), to, external, viewer.userId(), now);
		this.registrations.recordHistory(before.id(), before.status(), to, viewer.userId(), now, internal);
		var after = this.registrations.findForUpdate(before.id()).orElseThrow().view();
		this.audit.record(viewer.actor(), "deal-registration", before.id(), internal, before, after);
		if (tellPartner) {
			notice(after, to.name(), "Registration " + to.label().toLowerCase() + ": " + after.customerName(),
					external);
		}
		return after;
	}

	private void notice(RegistrationView view, String outcome, String subject, String body) {
		if (RegistrationStatus.APPROVED.name().equals(outcome) || RegistrationStatus.REJECTED.name().equals(outcome)) {
			this.events.publishEvent(new RegistrationDecided(view.id(), view.partnerId(), outcome));
		}
		this.events.publishEvent(new PartnerNotice(
				"registration:" + view.id() + ":" + outcome + ":" + this.clock.instant().toEpochMilli(),
				view.partnerId(), "REGISTRATION_" + outcome, subject, body, "/registrations/" + view.id()));
	}

	private long owner(Viewer viewer, RegistrationView view, ApproveCommand command) {
		Long owner = command.ownerId();
		// the account's owner, else the registering rep, when they are active; a named
		// owner must be active
		if (owner == null && view.accountId() != null) {
			owner = activeRep(this.accounts.get(viewer, view.accountId()).ownerAeId());
		}
		// a customer the registration was not linked to, whose domain is an existing
		// account's: the deal opens on that account, so its owner owns the deal
		if (owner == null && view.accountId() == null) {
			owner = this.accounts.byWebDomain(view.customerDomain())
				.flatMap(this.accounts::ownerOf)
				.map(this::activeRep)
				.orElse(null);
		}
		if (owner == null) {
			owner = activeRep(view.registeredBy());
		}
		var user = owner == null ? null : this.users.findEnabled(owner).orElse(null);
		if (user == null || !(user.role() == Role.AE || user.role() == Role.SALES_MANAGER)) {
			throw InvalidInputException.of("ownerId", "name the active account executive who will own the deal");
		}
		return user.id();
	}

	private Long activeRep(Long userId) {
		return userId == null ? null
				: this.users.findEnabled(userId)
					.filter(u -> u.role() == Role.AE || u.role() == Role.SALES_MANAGER)
					.map(u -> u.id())
					.orElse(null);
	}

	private Row visible(Viewer viewer, long id) {
		return this.registrations.find(viewer, id).orElseThrow(() -> new NotFoundException("Registration", id));
	}

	private Row lockVisible(Viewer viewer, long id) {
		visible(viewer, id);
		return this.registrations.findForUpdate(id).orElseThrow();
	}

	private Row lockDecidable(Viewer viewer, long id) {
		var row = lockVisible(viewer, id);
		requireDecides(viewer, row.view());
		return row;
	}

	private static void requireMove(Row row, RegistrationStatus to) {
		var from = row.view().status();
		if (from.canMoveTo(to)) {
			return;
		}
		if (from == RegistrationStatus.APPROVED && to == RegistrationStatus.WITHDRAWN) {
			throw InvalidInputException
				.of("status", "an approved registration cannot be withdrawn: its deal #" + row.view().opportunityId()
						+ " is open with this partner, and another partner's registration would be given the customer"
						+ " while it stays open; the deal is closed as lost instead");
		}
		throw InvalidInputException.of("status",
				"not possible while the registration is " + from.label().toLowerCase());
	}

	private static void requireReason(String reason) {
		FreeText.required("reason", reason, FreeText.NOTE, "a reason is required");
	}

	private static boolean sameCustomer(Customer customer, String registrable, String normalized) {
		return java.util.Objects.equals(customer.registrableDomain(), registrable)
				&& java.util.Objects.equals(customer.normalizedName(), normalized);
	}

	private static RegistrationCommand withPartner(RegistrationCommand c, long partnerId) {
		return new RegistrationCommand(c.accountId(), c.customerName(), c.customerDomain(), c.customerNeed(),
				c.amount(), c.currency(), c.expectedCloseDate(), partnerId, c.creditType());
	}

	private static String dealName(RegistrationView view) {
		var need = view.customerNeed().strip();
		return view.customerName() + " – " + (need.length() > 60 ? need.substring(0, 57) + "…" : need);
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

}
