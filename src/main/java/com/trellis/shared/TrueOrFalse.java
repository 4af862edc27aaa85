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

	private static final class Editor extends PropertyEditorSupport {

		private final boolean allowEmpty;

		Editor(boolean allowEmpty) {
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			var read = (text == null) ? "" : text.strip().toLowerCase(Locale.ROOT);
			switch (read) {
				case "true" -> setValue(Boolean.TRUE);
				case "false" -> setValue(Boolean.FALSE);
				case "" -> {
					if (!this.allowEmpty) {
						throw new IllegalArgumentException("must be true or false");
					}
					setValue(null);
				}
				default -> throw new IllegalArgumentException("must be true or false");
			}
		}

		@Override
		public String getAsText() {
			return (getValue() == null) ? "" : getValue().toString();
		}

	}

}
