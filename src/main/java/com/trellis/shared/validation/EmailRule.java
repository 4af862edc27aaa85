package com.trellis.shared.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an e-mail address a person signs in with or is written to must not hold: spaces of
 * any kind and invisible characters (s56: "new1" + U+200B + "@example.com" or one ending
 * in a no-break space was taken beside "new1@example.com" as another user who looks the
 * same, for vendor users and partner invitations alike), letters of two alphabets in one
 * part (a Cyrillic letter that looks Latin) and a domain without a dot. Its form is
 * checked by {@code @Email} where it is bound, by the import's own pattern in a file.
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

	/**
	 * The alphabets with letters that look like each other's (a Cyrillic or Greek "a",
	 * "o", "e" like the Latin one): one part of an address mixing two of them is a
	 * look-alike. Other mixes are how some languages write (Japanese mixes Han and kana).
	 */
	private static final java.util.Set<Character.UnicodeScript> LOOK_ALIKE = java.util.EnumSet.of(
			Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK,
			Character.UnicodeScript.ARMENIAN, Character.UnicodeScript.CHEROKEE);

	/** What an address mixing alphabets in one part is told. */
	public static final String MIXED = "must not mix alphabets within its name or a part of its domain"
			+ " (such as a Cyrillic \u0430 among Latin letters, which looks the same)";

	/** What an address whose domain has no dot is told. */
	public static final String NO_DOT = "must have a domain with a dot, such as name@example.com";

	/**
	 * The address as Trellis finds a person by it: trimmed and lower-cased by Java's
	 * locale-independent rules, compared with {@code lower(email)} of the stored ones.
	 * Comparing {@code lower(:email)} instead let the database's own case folding meet an
	 * address no one has: a capital dotted {@code İ} folds to {@code i} there, so
	 * "manager@trellİs.demo" signed in as "manager@trellis.demo" with its own throttle
	 * count (s59), and an identity provider's "ADMİN@…" matched the admin. Null stays
	 * null.
	 */
	public static String key(String email) {
		return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** The problem with the address, or empty (null is no problem of this rule). */
	public static Optional<String> problem(String value) {
		if (value == null) {
			return Optional.empty();
		}
		if (CONTROL.matcher(value).find() || value.codePoints().anyMatch(TextRule::invisible)) {
			return Optional.of(MESSAGE);
		}
		// s57, try72: "p" + U+0430 + "rtner@bluepeak.demo" was invited beside
		// "partner@bluepeak.demo", which it shows as
		for (var part : value.split("[@.]")) {
			if (part.codePoints()
				.filter(Character::isLetter)
				.mapToObj(Character.UnicodeScript::of)
				.filter(LOOK_ALIKE::contains)
				.distinct()
				.count() > 1) {
				return Optional.of(MIXED);
			}
		}
		int at = value.lastIndexOf('@');
		if (at >= 0 && value.indexOf('.', at) < 0) {
			return Optional.of(NO_DOT);
		}
		return Optional.empty();
	}

}
