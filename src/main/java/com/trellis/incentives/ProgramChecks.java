package com.trellis.incentives;

import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.stereotype.Component;

/**
 * Every check of a new incentive program in one answer: the command's own fields (name,
 * kind, currency, dates), an end before the start, and the parameters of its kind
 * ({@link ProgramParamsRule}, {@link ProgramParams}). A form or body with a blank name
 * and a bad tier is told both at once, not the second after the first was fixed. Each
 * field is named once, with its first problem.
 */
@Component
class ProgramChecks {

	private final Commands commands;

	private final ValueLimits limits;

	ProgramChecks(Commands commands, ValueLimits limits) {
		this.commands = commands;
		this.limits = limits;
	}

	/**
	 * Refuses the program naming every bad field; {@code fromJson} when it came as a JSON
	 * body, where a parameter given a number in quotes is refused too.
	 */
	void check(ProgramCommand command, boolean fromJson) {
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		var errors = new ArrayList<FieldError>();
		add(errors, this.commands.errors(command));
		if (command.startsOn() != null && command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
			add(errors, List.of(new FieldError("endsOn", "must not be before the program starts")));
		}
		if (fromJson) {
			add(errors, ProgramParamsRule.quotedNumbers(command.params()));
		}
		add(errors, ProgramParamsRule.problems(command.kind(), command.currency(), command.params(), this.limits));
		if (command.kind() != null && command.params() != null) {
			try {
				ProgramParams.check(new Program(0, command.name(), command.kind(), command.currency(),
						command.startsOn(), command.endsOn(), command.params()));
			}
			catch (InvalidInputException ex) {
				add(errors, ex.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void add(List<FieldError> errors, List<FieldError> more) {
		more.stream().filter(e -> errors.stream().noneMatch(o -> o.field().equals(e.field()))).forEach(errors::add);
	}

}
