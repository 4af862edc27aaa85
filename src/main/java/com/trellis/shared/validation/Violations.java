package com.trellis.shared.validation;

import java.util.Optional;

import jakarta.validation.ConstraintValidatorContext;

final class Violations {

	private Violations() {
	}

	/**
	 * Reports the problem, if any, as the violation's message; true when there is none.
	 */
	static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
		if (problem.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(escape(problem.get())).addConstraintViolation();
		return false;
	}

	/**
	 * Messages are templates: braces and dollar signs from values must not be read as
	 * such.
	 */
	static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
