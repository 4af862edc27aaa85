package com.trellis.plans;

import java.util.ArrayList;
import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.stereotype.Component;

/**
 * What is wrong with an account plan's fields, each error naming its field: the command's
 * own rules, whether its partner and account exist, and {@link PlanRule} on its owner and
 * contact. Used by {@link AccountPlans} (after its role and ownership checks) and by the
 * plans format's import ({@link PlanFormatImport}). Split from {@link AccountPlans}.
 */
@Component
class PlanFields {

	private final Partners partners;

	private final Accounts accounts;

	private final Users users;

	private final Commands commands;

	PlanFields(Partners partners, Accounts accounts, Users users, Commands commands) {
		this.partners = partners;
		this.accounts = accounts;
		this.users = users;
		this.commands = commands;
	}

	/**
	 * The command when every field is right, else an {@link InvalidInputException} naming
	 * each wrong field: the command's own rules first, then the rest ({@link #problems}).
	 */
	PlanCommand checked(Viewer viewer, PlanCommand command, PlanView current) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		// every bad field in one answer: the command's own rules are among the problems
		var errors = problems(viewer, command, current);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return command;
	}

	/**
	 * Every wrong field of the command: its own rules, the partner and the account (a
	 * plan keeps both once opened), and {@link PlanRule} (asked when the fields it reads
	 * are given).
	 */
	List<InvalidInputException.FieldError> problems(Viewer viewer, PlanCommand command, PlanView current) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		try {
			this.commands.check(command);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		boolean partnerKnown = command.partnerId() == null
				|| !this.partners.names(viewer, List.of(command.partnerId())).isEmpty();
		if (!partnerKnown) {
			errors.add(new InvalidInputException.FieldError("partnerId", "no partner with id " + command.partnerId()));
		}
		if (command.accountId() != null && !this.accounts.exists(command.accountId())) {
			errors.add(new InvalidInputException.FieldError("accountId", "no account with id " + command.accountId()));
		}
		if (current != null && command.partnerId() != null && command.partnerId() != current.partnerId()) {
			// try84: a plan moved to another partner showed it the first one's actions
			errors.add(new InvalidInputException.FieldError("partnerId", "a plan stays with its partner (it is "
					+ current.partnerId() + "); close it and open a plan with the other partner"));
		}
		if (current != null && command.accountId() != null && command.accountId() != current.accountId()) {
			errors.add(new InvalidInputException.FieldError("accountId", "a plan stays on its account (it is "
					+ current.accountId() + "); close it and open a plan on the other account"));
		}
		laterOpenAction(command, current).ifPresent(errors::add);
		if (command.startsOn() != null && command.endsOn() != null && command.vendorOwnerId() != null
				&& command.partnerContactId() != null) {
			// the plan's current owner and contact are kept as they are, even after they
			// left;
			// only a newly named one must be active
			boolean sameOwner = current != null && current.vendorOwnerId() == command.vendorOwnerId();
			boolean sameContact = current != null && current.partnerContactId() == command.partnerContactId();
			errors.addAll(PlanRule.check(command,
					(sameOwner ? this.users.find(command.vendorOwnerId())
							: this.users.findEnabled(command.vendorOwnerId()))
						.orElse(null),
					(sameContact ? this.users.find(command.partnerContactId())
							: this.users.findEnabled(command.partnerContactId()))
						.orElse(null),
					partnerKnown));
		}
		return errors;
	}

	/**
	 * A plan moved to end before one of its open actions is due (s55: a plan with an
	 * action due on the 20th was shortened to the 10th, where adding that action is
	 * refused): the error names {@code endsOn} and the latest open due day. Done and
	 * dropped actions are the plan's history and do not hold its end.
	 */
	private static java.util.Optional<InvalidInputException.FieldError> laterOpenAction(PlanCommand command,
			PlanView current) {
		if (current == null || command.endsOn() == null || command.endsOn().equals(current.endsOn())) {
			return java.util.Optional.empty();
		}
		return current.actions()
			.stream()
			.filter(a -> a.status() == ActionStatus.OPEN && a.dueOn() != null && a.dueOn().isAfter(command.endsOn()))
			.map(PlanView.Action::dueOn)
			.max(java.time.LocalDate::compareTo)
			.map(due -> new InvalidInputException.FieldError("endsOn", "must be on or after " + due
					+ ", the due day of the plan's last open action; move, finish or drop the actions due after it first"));
	}

	/**
	 * An action's fields, and its due day not after the plan's last day (try54: 2030 was
	 * taken for a plan ending in 2027). A day before the plan's start stays allowed: a
	 * plan records the groundwork done before it was written. A due day kept as it was
	 * ({@code kept}, an edit of an action made before this rule) is not checked again.
	 */
	void checkAction(PlanView plan, ActionCommand command, java.time.LocalDate kept) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var errors = new ArrayList<>(this.commands.errors(command));
		var due = command.dueOn();
		if (due != null && !due.equals(kept) && errors.stream().noneMatch(e -> e.field().equals("dueOn"))
				&& due.isAfter(plan.endsOn())) {
			errors.add(new InvalidInputException.FieldError("dueOn", "must be on or before the plan's last day ("
					+ plan.endsOn() + "); extend the plan to plan beyond it"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
