package com.trellis.shared;

import java.beans.PropertyEditorSupport;
import java.util.Locale;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A true/false query or form parameter is {@code true} or {@code false} (any case), empty
 * for none; anything else ({@code yes}, {@code on}, {@code 1}, which Spring's own editor
 * takes) is a 400 naming the parameter ({@link ParameterProblems}, {@link FormErrors}),
 * as a JSON body takes only true or false ({@link ExactJsonTypes}). The page forms send
 * {@code true} and {@code false}. An editor, not a converter: Spring falls back on its
 * default editor when a converter refuses.
 */
@ControllerAdvice
class TrueOrFalse {

	@InitBinder
	void trueOrFalse(WebDataBinder binder) {
		binder.registerCustomEditor(Boolean.class, new Editor(true));
		binder.registerCustomEditor(boolean.class, new Editor(false));
	}

	static final String MESSAGE = "must be true or false";

	/**
	 * {@code true} or {@code false} in any case; null for empty; anything else refused
	 * ({@link IllegalArgumentException} with {@link #MESSAGE}).
	 */
	static Boolean read(String text) {
		return switch ((text == null) ? "" : text.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			case "" -> null;
			default -> throw new IllegalArgumentException(MESSAGE);
		};
	}

	private static final class Editor extends PropertyEditorSupport {

		private final boolean allowEmpty;

		Editor(boolean allowEmpty) {
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			var read = read(text);
			if (read == null && !this.allowEmpty) {
				throw new IllegalArgumentException(MESSAGE);
			}
			setValue(read);
		}

		@Override
		public String getAsText() {
			return (getValue() == null) ? "" : getValue().toString();
		}

	}

}
