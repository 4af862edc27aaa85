package com.trellis.plans;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans module's facade. Who reads a plan: program admins and executives, the
 * partner's PAM, the account's owner and the owner's managers, and the partner's own
 * users (their partner's plans only; another's is not there). Who writes one: admins, the
 * partner's PAM and the account's owner side. Role and ownership are checked before the
 * input; every change is audited.
 */
@Service
public class AccountPlans {

	private final PlanRepository plans;

	private final Partners partners;

	private final Accounts accounts;

	private final Users users;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	private final PlanFields fields;

	AccountPlans(PlanRepository plans, Partners partners, Accounts accounts, Users users, AuditLog audit,
			Commands commands, Clock clock, PlanFields fields) {
		this.fields = fields;
		this.plans = plans;
		this.partners = partners;
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * One page of the plans the viewer may read, open first, earliest end first (every
	 * plan is on some page: the list and the export page through them all).
	 */
	@Transactional(readOnly = true)
	public PageResult<PlanView> list(Viewer viewer, PageRequest page) {
		return list(viewer, null, null, page);
	}

	/** Refuses a plan status filter other than OPEN, CLOSED or none, naming it. */
	public static void requireStatus(String status) {
		if (status != null && !status.equals("OPEN") && !status.equals("CLOSED")) {
			throw com.trellis.shared.InvalidInputException.of("status", "must be OPEN or CLOSED");
		}
	}

	/**
	 * As {@link #list(Viewer, PageRequest)}, narrowed to the plans whose title, partner
	 * or account holds {@code q} (any case; blank is none) and of {@code status} ("OPEN"
	 * or "CLOSED"; null is either). Another status is refused naming {@code status}.
	 */
	@Transactional(readOnly = true)
	public PageResult<PlanView> list(Viewer viewer, String q, String status, PageRequest page) {
		requireStatus(status);
		var text = com.trellis.shared.ListSearch.text("q", q);
		if (viewer.isPartnerUser()) {
			return this.plans.search(viewer.partnerId(), null, null, text, status, page);
		}
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return this.plans.search(null, null, null, text, status, page);
		}
		if (viewer.is(Role.PAM)) {
			return this.plans.search(null, this.partners.book(viewer.userId()), null, text, status, page);
		}
		return this.plans.search(null, null, team(viewer), text, status, page);
	}

	@Transactional(readOnly = true)
	public PlanView get(Viewer viewer, long id) {
		var plan = this.plans.find(id).orElseThrow(() -> new NotFoundException("Account plan", id));
		if (!reads(viewer, plan)) {
			throw new NotFoundException("Account plan", id);
		}
		return plan;
	}

	/**
	 * Refuses a viewer who may not write plans for the partner and account named (either
	 * may be null while the input is still unchecked): partner users and executives
	 * always, a PAM for a partner outside the book, the field for an account it does not
	 * own.
	 */
	@Transactional(readOnly = true)
	public void requireWrites(Viewer viewer, Long partnerId, Long accountId) {
		if (viewer.isPartnerUser() || !viewer.is(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER)) {
			throw new AccessDeniedException(
					"Account plans are written by the partner's PAM, the account's owner or an admin");
		}
		if (viewer.is(Role.PAM) && partnerId != null && !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("A PAM plans with the partners of their book");
		}
		if (viewer.is(Role.AE, Role.SALES_MANAGER) && accountId != null && !ownsAccount(viewer, accountId)) {
			throw new AccessDeniedException("The field plans on the accounts it owns");
		}
	}

	/**
	 * Whether the viewer writes the plan (it reads it already): admins, the partner's
	 * PAM, the account's owner side.
	 */
	@Transactional(readOnly = true)
	public boolean writes(Viewer viewer, PlanView plan) {
		if (viewer.isPartnerUser() || !viewer.is(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER)) {
			return false;
		}
		if (viewer.is(Role.PAM)) {
			return this.partners.manages(viewer, plan.partnerId());
		}
		return !viewer.is(Role.AE, Role.SALES_MANAGER) || ownsAccount(viewer, plan.accountId());
	}

	/**
	 * Refuses a viewer who may not change the plan: 404 unless they read it, else 403.
	 */
	@Transactional(readOnly = true)
	public PlanView requireWrites(Viewer viewer, long id) {
		var plan = get(viewer, id);
		requireWrites(viewer, plan.partnerId(), plan.accountId());
		return plan;
	}

	/**
	 * The checks {@link #create} (id null) or {@link #update} and the action writes
	 * (action given) make, in their order, writing nothing: for a page form with a field
	 * it could not read, so that its other wrong fields are named with it.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, Long id, PlanCommand command) {
		var current = id == null ? null : requireWrites(viewer, id);
		requireWrites(viewer, command.partnerId(), command.accountId());
		this.fields.checked(viewer, command, current);
	}

	/** As {@link #check(Viewer, Long, PlanCommand)} for an action, new (null) or kept. */
	@Transactional(readOnly = true)
	public void checkAction(Viewer viewer, long id, Long actionId, ActionCommand command) {
		var plan = requireWrites(viewer, id);
		this.fields.checkAction(plan, command, actionId == null ? null : action(plan, actionId).dueOn());
	}

	private static PlanView.Action action(PlanView plan, long actionId) {
		return plan.actions()
			.stream()
			.filter(a -> a.id() == actionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Plan action", actionId));
	}

	@Transactional
	public PlanView create(Viewer viewer, PlanCommand command) {
		return create(viewer, command, "");
	}

	/**
	 * Creates a plan, audited as "created" followed by {@code via} (" by import" for the
	 * Trellis plans format).
	 */
	PlanView create(Viewer viewer, PlanCommand command, String via) {
		requireWrites(viewer, command == null ? null : command.partnerId(),
				command == null ? null : command.accountId());
		var checked = this.fields.checked(viewer, command, null);
		this.plans.lock(checked.partnerId(), checked.accountId());
		if (this.plans.hasOpen(checked.partnerId(), checked.accountId(), null)) {
			throw new ConflictException("accountId", "the partner has an open plan for this account already");
		}
		long id = this.plans.insert(checked, viewer.userId(), this.clock.instant());
		var created = this.plans.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id, "created" + via, null, created);
		return created;
	}

	@Transactional
	public PlanView update(Viewer viewer, long id, PlanCommand command) {
		return update(viewer, id, command, "");
	}

	PlanView update(Viewer viewer, long id, PlanCommand command, String via) {
		var before = requireWrites(viewer, id);
		requireWrites(viewer, command == null ? null : command.partnerId(),
				command == null ? null : command.accountId());
		var checked = this.fields.checked(viewer, command, before);
		requireOpen(before);
		this.plans.lock(checked.partnerId(), checked.accountId());
		if (this.plans.hasOpen(checked.partnerId(), checked.accountId(), id)) {
			throw new ConflictException("accountId", "the partner has an open plan for this account already");
		}
		this.plans.update(id, checked, this.clock.instant());
		var after = this.plans.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id, "updated" + via, before, after);
		return after;
	}

	@Transactional
	public PlanView addAction(Viewer viewer, long id, ActionCommand command) {
		return addAction(viewer, id, command, "");
	}

	PlanView addAction(Viewer viewer, long id, ActionCommand command, String via) {
		var before = requireWrites(viewer, id);
		this.fields.checkAction(before, command, null);
		requireOpen(before);
		long action = this.plans.insertAction(id, command, viewer.userId(), this.clock.instant());
		var after = this.plans.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id, "action " + action + " added" + via, before, after);
		return after;
	}

	@Transactional
	public PlanView updateAction(Viewer viewer, long id, long actionId, ActionCommand command) {
		return updateAction(viewer, id, actionId, command, "");
	}

	PlanView updateAction(Viewer viewer, long id, long actionId, ActionCommand command, String via) {
		var before = requireWrites(viewer, id);
		this.fields.checkAction(before, command, action(before, actionId).dueOn());
		requireOpen(before);
		this.plans.updateAction(id, actionId, command, viewer.userId(), this.clock.instant());
		var after = this.plans.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id, "action " + actionId + " changed" + via, before, after);
		return after;
	}

	/** A closed plan keeps its goals and actions as they were when it closed. */
	static void requireOpen(PlanView plan) {
		if (!plan.open()) {
			throw new ConflictException("status", "the plan is closed; it stays as it was when it closed");
		}
	}

	private boolean reads(Viewer viewer, PlanView plan) {
		if (viewer.isPartnerUser()) {
			return viewer.partnerId() == plan.partnerId();
		}
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return true;
		}
		if (viewer.is(Role.PAM)) {
			return this.partners.manages(viewer, plan.partnerId());
		}
		return ownsAccount(viewer, plan.accountId());
	}

	private boolean ownsAccount(Viewer viewer, long accountId) {
		var owner = this.accounts.ownerOf(accountId);
		return owner.isPresent() && team(viewer).contains(owner.get());
	}

	private List<Long> team(Viewer viewer) {
		var team = new ArrayList<Long>(this.users.reportsOf(viewer.userId()));
		team.add(viewer.userId());
		return team;
	}

}
