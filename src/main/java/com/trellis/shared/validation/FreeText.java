package com.trellis.shared.validation;

import com.trellis.shared.InvalidInputException;

/**
 * Checks for free text that reaches a service as a bare string (a reason, a note, proof)
 * rather than inside a validated command, so the API and the page forms refuse the same
 * values ({@link TextRule}, multi-line). Returns the stripped text.
 */
public final class FreeText {

	/** Reasons, notes, proof and evidence: a few paragraphs at most. */
	public static final int NOTE = 2000;

	private FreeText() {
	}

	/** The stripped text, or null when blank; refuses text that breaks the rule. */
	public static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		TextRule.problem(value, max, true).ifPresent(problem -> {
			throw InvalidInputException.of(field, problem);
		});
		return value.strip();
	}

	/** The stripped text; refuses a blank one with {@code missing} as the message. */
	public static String required(String field, String value, int max, String missing) {
		var text = optional(field, value, max);
		if (text == null) {
			throw InvalidInputException.of(field, missing);
		}
		return text;
	}

}
