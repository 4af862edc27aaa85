package com.trellis.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * What a 403 tells its user. The checks of every module refuse with a sentence naming who
 * may act ("The forecast is for vendor staff", "This forecast scope is not yours to
 * see"); that sentence is the answer's reason, on the API and on the error page. A
 * refusal without one of ours (Spring Security's own "Access Denied", a subclass thrown
 * by the framework) answers the general sentence, never a framework's text.
 */
public final class Forbidden {

	/** The reason given when a refusal carries none of ours. */
	public static final String GENERAL = "Your role may not do this";

	private Forbidden() {
	}

	/**
	 * The sentence a refusal was thrown with, when it is one of the app's own (an
	 * {@link AccessDeniedException} itself, with a message), else {@link #GENERAL}.
	 */
	public static String reason(Throwable refusal) {
		var own = own(refusal);
		return own != null ? own : GENERAL;
	}

	/**
	 * The sentence of one of the app's own refusals, or {@code null} for anything else (a
	 * framework's refusal, such as a form sent without its CSRF token, or no refusal).
	 */
	public static String own(Throwable refusal) {
		if (refusal == null || refusal.getClass() != AccessDeniedException.class || refusal.getMessage() == null
				|| refusal.getMessage().isBlank()) {
			return null;
		}
		var sentence = refusal.getMessage().strip();
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

}
