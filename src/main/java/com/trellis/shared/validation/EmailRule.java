package com.trellis.shared.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an e-mail address a person signs in with or is written to must not hold: spaces of
 * any kind and invisible characters (s56: "new1" + U+200B + "@example.com" or one ending
 * in a no-break space was taken beside "new1@example.com" as another user who looks the
 * same, for vendor users and partner invitations alike). Its form is checked by
 * {@code @Email} where it is bound, by the import's own pattern in a file.
 */
public final class EmailRule {

	/**
	 * Control characters; the others are those {@link TextRule#blankToTheEye} finds
	 * blank.
	 */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	/** What such an address is told. */
	public static final String MESSAGE = "must not contain spaces or invisible characters"
			+ " (no-break, zero-width or direction marks)";

	private EmailRule() {
	}

	/** The problem with the address, or empty (null is no problem of this rule). */
	public static Optional<String> problem(String value) {
		boolean unseen = value != null
				&& (CONTROL.matcher(value).find() || value.codePoints().anyMatch(TextRule::invisible));
		return unseen ? Optional.of(MESSAGE) : Optional.empty();
	}

}
