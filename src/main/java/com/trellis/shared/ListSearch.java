package com.trellis.shared;

/**
 * The text a list is filtered by ({@code q} on the partner, deal, account, user, plan and
 * play lists, their exports and their API): matched as typed, anywhere in a name, letter
 * case ignored. A {@code %}, {@code _} or backslash is a character to find, not a
 * wildcard: {@code q=%} found every deal and partner (try16, s63), {@code q=50_50} found
 * "5000 Corp". At most {@value #MAX} characters after trimming, as the search box (a
 * longer text is no name, and made every list read its whole table with a pattern of
 * thousands of characters): a longer one is refused naming {@code q}, before anything is
 * read. Control and direction characters are refused by {@link TextGuard} before this.
 */
public final class ListSearch {

	/** The longest text a list is filtered by, in characters after trimming. */
	public static final int MAX = 100;

	private ListSearch() {
	}

	/**
	 * The text to look for: null when absent or blank, else trimmed.
	 * @throws InvalidInputException naming {@code parameter} when it is longer than
	 * {@value #MAX} characters
	 */
	public static String text(String parameter, String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		var text = q.strip();
		if (text.length() > MAX) {
			throw InvalidInputException.of(parameter, "is longer than " + MAX + " characters (" + text.length() + ")");
		}
		return text;
	}

	/**
	 * {@link #text} as an {@code ILIKE} pattern matching it anywhere, its wildcards and
	 * backslashes taken literally; null when there is nothing to look for.
	 */
	public static String pattern(String parameter, String q) {
		var text = text(parameter, q);
		return text == null ? null : contains(text);
	}

	/**
	 * A text already checked as an {@code ILIKE} pattern matching it anywhere, literally.
	 */
	public static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
