package com.trellis.shared.validation;

import java.util.Comparator;

import com.trellis.shared.InvalidInputException;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Validates a command record against its constraints where it did not come through a
 * validated request body (a page form built from single fields, a list of changes), and
 * refuses it the way the API does: an {@link InvalidInputException} naming each field.
 */
@Component
public class Commands {

	private final Validator validator;

	public Commands(Validator validator) {
		this.validator = validator;
	}

	public void check(Object command) {
		var violations = this.validator.validate(command);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations.stream()
				.map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
				.sorted(Comparator.comparing(InvalidInputException.FieldError::field))
				.toList());
		}
	}

}
