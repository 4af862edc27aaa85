package com.trellis.leads;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.trellis.shared.validation.FreeText;
import com.trellis.shared.InvalidInputException;

/**
 * A first follow-up counts only when it says what happened: its type (a call, a meeting,
 * an e-mail) or a note, or both. An empty one is refused naming {@code note}; a type is
 * read only from its exact name ({@code CALL}, {@code MEETING}, {@code EMAIL}, as every
 * other choice of the API), any other refused naming {@code type} with the choices.
 */
final class FollowUpContent {

	private FollowUpContent() {
	}

	/**
	 * What the follow-up was; {@code note} and {@code type} as entered, null when empty.
	 */
	record Content(FollowUpType type, String note) {
	}

	/** How a type that is none of the choices is refused. */
	static final String CHOICES = "must be one of "
			+ Arrays.stream(FollowUpType.values()).map(Enum::name).collect(Collectors.joining(", "));

	static Content decide(String type, String note) {
		FollowUpType kind = null;
		if (type != null && !type.isBlank()) {
			try {
				kind = FollowUpType.valueOf(type);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("type", CHOICES);
			}
		}
		var text = FreeText.optional("note", note, FreeText.NOTE);
		if (kind == null && (text == null || text.isBlank())) {
			throw InvalidInputException.of("note",
					"say what happened: a note, or the type of follow-up (call, meeting or e-mail)");
		}
		return new Content(kind, text == null || text.isBlank() ? null : text.strip());
	}

	enum FollowUpType {

		CALL, MEETING, EMAIL

	}

}
