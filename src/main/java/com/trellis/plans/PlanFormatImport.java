package com.trellis.plans;

import java.util.List;
import java.util.Optional;

import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.Commands;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans module's port for the Trellis plans format (docs/import.md): reads a plan by
 * id, says whether a viewer writes it, checks a plan's or an action's values by the rules
 * of the API (each problem naming the command's field: {@code title},
 * {@code vendorOwnerId}, {@code dueOn}), and writes through the facade, so that an import
 * is held to the same role, ownership, one-open-plan and closed-plan rules and audited
 * ("created by import", "updated by import", "action N added by import", "action N
 * changed by import").
 */
@Service
public class PlanFormatImport {

	private final AccountPlans plans;

	private final PlanRepository repository;

	private final Commands commands;

	private final PlanFields fields;

	PlanFormatImport(AccountPlans plans, PlanRepository repository, Commands commands, PlanFields fields) {
		this.plans = plans;
		this.fields = fields;
		this.repository = repository;
		this.commands = commands;
	}

	/** The plan with this id, whoever may read it (the caller checks who writes it). */
	@Transactional(readOnly = true)
	public Optional<PlanView> find(long id) {
		return this.repository.find(id);
	}

	/** Whether the viewer may change the plan (admins, the partner's PAM). */
	@Transactional(readOnly = true)
	public boolean writes(Viewer viewer, PlanView plan) {
		return this.plans.writes(viewer, plan);
	}

	/**
	 * What is wrong with the plan's values, by the command's field; empty when it may be
	 * written as it is (another open plan of its partner and account is not asked here:
	 * see {@link #hasOpen}). The plan's {@code current} owner and contact (null for a new
	 * plan) are kept as they are; only a newly named one must be active.
	 */
	@Transactional(readOnly = true)
	public List<FieldError> problems(Viewer viewer, PlanCommand command, PlanView current) {
		return this.fields.problems(viewer, command, current);
	}

	/** What is wrong with the action's values, by the command's field. */
	public List<FieldError> problems(ActionCommand command) {
		try {
			this.commands.check(command);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

	/**
	 * Whether the partner has an open plan for the account, other than {@code except}.
	 */
	@Transactional(readOnly = true)
	public boolean hasOpen(long partnerId, long accountId, Long except) {
		return this.repository.hasOpen(partnerId, accountId, except);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(Viewer viewer, PlanCommand command) {
		return this.plans.create(viewer, command, " by import").id();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(Viewer viewer, long id, PlanCommand command) {
		this.plans.update(viewer, id, command, " by import");
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void addAction(Viewer viewer, long planId, ActionCommand command) {
		this.plans.addAction(viewer, planId, command, " by import");
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void updateAction(Viewer viewer, long planId, long actionId, ActionCommand command) {
		this.plans.updateAction(viewer, planId, actionId, command, " by import");
	}

}
