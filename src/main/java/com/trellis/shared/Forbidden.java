package com.trellis.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * What a 403 tells its user. The checks of every module refuse with a sentence naming who
 * may act ("The forecast is for vendor staff", "This forecast scope is not yours to
 * see"); that sentence is the answer's reason, on the API and on the error page. A form
 * refused for its CSRF token says so; any other refusal without one of ours (Spring
 * Security's own "Access Denied") answers the general sentence, never a framework's text.
 */
public final class Forbidden {

	/** The reason given when a refusal carries none of ours. */
	public static final String GENERAL = "Your role may not do this";

	/** Why a form sent without its valid CSRF token was refused. */
	public static final String FORM_TOKEN = "The form was sent without its valid security token (the page may have"
			+ " been open too long, or you signed out); open the page again and send the form from there";

	/**
	 * The request attribute the pages' access-denied handler keeps the refusal in: a
	 * refusal by a filter (the CSRF check) never reaches the error attributes.
	 */
	public static final String REFUSAL = Forbidden.class.getName() + ".refusal";

	private Forbidden() {
	}

	/**
	 * The sentence a refusal was thrown with, when it is one of the app's own (an
	 * {@link AccessDeniedException} itself, with a message) or a form's CSRF refusal
	 * ({@link #own}), else {@link #GENERAL}.
	 */
	public static String reason(Throwable refusal) {
		var own = own(refusal);
		return own != null ? own : GENERAL;
	}

	/**
	 * The sentence of one of the app's own refusals, or of a form refused for its CSRF
	 * token ({@link #FORM_TOKEN}); {@code null} for anything else (another framework
	 * refusal, or no refusal). Its first letter a capital (some checks write theirs as a
	 * clause).
	 */
	public static String own(Throwable refusal) {
		if (refusal instanceof org.springframework.security.web.csrf.CsrfException) {
			return FORM_TOKEN;
		}
		if (refusal == null || refusal.getClass() != AccessDeniedException.class || refusal.getMessage() == null
				|| refusal.getMessage().isBlank()) {
			return null;
		}
		var sentence = refusal.getMessage().strip();
		return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

}
