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
	 * The address as a count of sign-in failures is kept under: trimmed, each letter
	 * lower-cased by itself (Unicode's simple case mapping, as the database's
	 * {@code lower(email)} that finds the account folds it). Java's
	 * {@code toLowerCase(Locale.ROOT)} turns a capital dotted {@code İ} into two
	 * characters where the database reads {@code i}, so "manager@trellİs.demo" had a
	 * count of its own yet signed in to "manager@trellis.demo" (s59). Null stays null.
	 */
	public static String key(String email) {
		if (email == null) {
			return null;
		}
		var folded = new StringBuilder();
		email.strip().codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
		return folded.toString();
	}

	/**
	 * Whether two addresses are the same as written, letter case aside only for the
	 * letters A to Z: how an identity provider's address must match a user's (s59: its
	 * "ADMİN@…", another mailbox at the provider, was taken for the admin, since the
	 * database folds the capital dotted I to i).
	 */
	public static boolean sameAsWritten(String a, String b) {
		if (a == null || b == null || a.length() != b.length()) {
			return false;
		}
		for (int i = 0; i < a.length(); i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y && (x > 0x7f || y > 0x7f || Character.toLowerCase(x) != Character.toLowerCase(y))) {
				return false;
			}
		}
		return true;
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
