package com.trellis.leads;

import java.util.Locale;

import com.trellis.shared.validation.FreeText;
import com.trellis.shared.InvalidInputException;

/**
 * A first follow-up counts only when it says what happened: its type (a call, a meeting,
 * an e-mail) or a note, or both. An empty one is refused naming {@code note}; a type that
 * is none of these is refused naming {@code type}.
 */
final class FollowUpContent {

	private FollowUpContent() {
	}

	/**
	 * What the follow-up was; {@code note} and {@code type} as entered, null when empty.
	 */
	record Content(FollowUpType type, String note) {
	}

	static Content decide(String type, String note) {
		FollowUpType kind = null;
		if (type != null && !type.isBlank()) {
			try {
				kind = FollowUpType.valueOf(type.strip().toUpperCase(Locale.ROOT).replace("-", ""));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("type", "must be CALL, MEETING or EMAIL");
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
