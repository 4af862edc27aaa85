package com.trellis.shared.validation;

import java.util.Comparator;
import java.util.List;

import com.trellis.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Validates a command record against its constraints where it did not come through a
 * validated request body (a page form built from single fields, a list of changes), and
 * refuses it the way the API does: an {@link InvalidInputException} naming each field.
 */
@Component
public class Commands {

	/** A container element's node of a property path ({@code .<list element>}). */
	private static final java.util.regex.Pattern CONTAINER_NODE = java.util.regex.Pattern.compile("\\.?<[a-z ]+>");

	private final Validator validator;

	public Commands(Validator validator) {
		this.validator = validator;
	}

	public void check(Object command) {
		var errors = errors(command);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * What {@link #check} refuses, without throwing: for a caller that adds its own
	 * checks and names every bad field in one answer.
	 */
	public List<InvalidInputException.FieldError> errors(Object command) {
		return this.validator.validate(command)
			.stream()
			.map(v -> new InvalidInputException.FieldError(field(v), v.getMessage()))
			.sorted(Comparator.comparing(InvalidInputException.FieldError::field))
			.toList();
	}

	/**
	 * The field a violation names, as a client writes it: {@code verticals[3]}, not the
	 * validator's {@code verticals[3].<list element>}.
	 */
	public static String field(ConstraintViolation<?> violation) {
		return CONTAINER_NODE.matcher(violation.getPropertyPath().toString()).replaceAll("");
	}

}
