package com.trellis.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.validation.BindingResult;

/**
 * One round for an API request body: when the body broke its annotations or had fields
 * that could not be read ({@link UnreadableFields}), it is refused with those errors
 * together with what the command's own checks find in the rest (checks that change
 * nothing), so that every bad field is named at once. A body without such errors goes on
 * to its action, which runs the same checks itself.
 */
public final class BodyChecks {

	private BodyChecks() {
	}

	/**
	 * Refuses the body when its binding has errors, naming them and the fields the checks
	 * refuse (a field named by the binding is not named again).
	 */
	public static void require(BindingResult binding, Runnable checks) {
		if (!binding.hasErrors()) {
			return;
		}
		var errors = new ArrayList<>(errors(binding));
		var named = new LinkedHashSet<String>();
		errors.forEach(e -> named.add(e.field()));
		try {
			checks.run();
		}
		catch (InvalidInputException ex) {
			ex.errors().stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
		}
		catch (ConflictException ex) {
			if (!named.contains(ex.field())) {
				errors.add(new FieldError(ex.field(), ex.reason()));
			}
		}
		throw new InvalidInputException(errors);
	}

	/**
	 * The field errors of a body's binding; a field that could not be read is named only
	 * for that, not also for the annotations its missing value then breaks.
	 */
	static List<FieldError> errors(BindingResult binding) {
		var unreadable = binding.getFieldErrors()
			.stream()
			.filter(org.springframework.validation.FieldError::isBindingFailure)
			.map(org.springframework.validation.FieldError::getField)
			.toList();
		return binding.getFieldErrors()
			.stream()
			.filter(e -> e.isBindingFailure() || !unreadable.contains(e.getField()))
			.map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
			.toList();
	}

}
