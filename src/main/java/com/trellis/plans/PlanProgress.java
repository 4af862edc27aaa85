package com.trellis.plans;

import java.time.Clock;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a plan moves on: its writers close it (achieved or abandoned, with a note), the
 * partner's own users tick the actions their side carries out ({@link ActionTick}). Role
 * and ownership are checked before the input; every change is audited.
 */
@Service
public class PlanProgress {

	private final AccountPlans plans;

	private final PlanRepository repository;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	PlanProgress(AccountPlans plans, PlanRepository repository, AuditLog audit, Commands commands, Clock clock) {
		this.plans = plans;
		this.repository = repository;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
	}

	/** The checks {@link #close} makes, in their order, writing nothing. */
	@Transactional(readOnly = true)
	public void checkClose(Viewer viewer, long id, CloseCommand command) {
		this.plans.requireWrites(viewer, id);
		this.commands.check(command);
	}

	@Transactional
	public PlanView close(Viewer viewer, long id, CloseCommand command) {
		var before = this.plans.requireWrites(viewer, id);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		AccountPlans.requireOpen(before);
		if (!this.repository.close(id, command, viewer.userId(), this.clock.instant())) {
			throw new ConflictException("status", "the plan is closed already");
		}
		var after = this.repository.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id,
				"closed as " + command.outcome().name().toLowerCase(java.util.Locale.ROOT), before, after);
		return after;
	}

	/**
	 * Refuses a viewer who may not tick the action: 404 unless they read the plan and it
	 * has the action, 403 for the wrong role or side.
	 */
	@Transactional(readOnly = true)
	public PlanView requireTicks(Viewer viewer, long id, Long actionId) {
		var plan = this.plans.get(viewer, id);
		var action = plan.actions().stream().filter(a -> actionId != null && a.id() == actionId).findFirst();
		if (action.isEmpty()) {
			throw new NotFoundException("Plan action", actionId == null ? 0 : actionId);
		}
		var decision = ActionTick.decide(this.plans.writes(viewer, plan), viewer.isPartnerUser(), action.get().side(),
				"OPEN", ActionStatus.DONE);
		if (decision.refusal() == ActionTick.Refusal.ROLE) {
			throw new AccessDeniedException(decision.reason());
		}
		return plan;
	}

	@Transactional
	public PlanView tick(Viewer viewer, long id, long actionId, TickCommand command) {
		var before = requireTicks(viewer, id, actionId);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		var side = before.actions().stream().filter(a -> a.id() == actionId).findFirst().orElseThrow().side();
		var decision = ActionTick.decide(this.plans.writes(viewer, before), viewer.isPartnerUser(), side,
				before.status(), command.status());
		if (decision.refusal() == ActionTick.Refusal.STATE) {
			throw new ConflictException("status", decision.reason());
		}
		if (decision.refusal() == ActionTick.Refusal.INPUT) {
			throw InvalidInputException.of("status", decision.reason());
		}
		this.repository.tick(id, actionId, command.status(), viewer.userId(), this.clock.instant());
		var after = this.repository.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account-plan", id,
				"action " + actionId + " marked " + command.status().name().toLowerCase(java.util.Locale.ROOT), before,
				after);
		return after;
	}

	/**
	 * Whether the viewer may write the plan (its PAM, the account's owner side, admins).
	 */
	@Transactional(readOnly = true)
	public boolean writes(Viewer viewer, long id) {
		return this.plans.writes(viewer, this.plans.get(viewer, id));
	}

}
