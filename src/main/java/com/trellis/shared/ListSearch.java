package com.trellis.shared;

import com.trellis.shared.validation.TextRule;

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
	 * The text to look for: null when absent or blank, else without the spaces of any
	 * kind at either end (a no-break space pasted from a web page or a spreadsheet found
	 * nothing, try16).
	 * @throws InvalidInputException naming {@code parameter} when it is longer than
	 * {@value #MAX} characters (counted as the reader counts them, an emoji one) or holds
	 * a control, line-break or direction character ({@link TextRule#problem}, as every
	 * text field and the search box refuse them; try16: the lists answered them with an
	 * empty list)
	 */
	public static String text(String parameter, String q) {
		var text = trimmed(q);
		if (text.isEmpty()) {
			return null;
		}
		TextRule.problem(text, MAX, false).ifPresent(problem -> {
			throw InvalidInputException.of(parameter, problem);
		});
		return text;
	}

	/** The text without the spaces of any kind at either end; "" for null. */
	public static String trimmed(String q) {
		if (q == null) {
			return "";
		}
		int start = 0;
		int end = q.length();
		while (start < end && space(q.codePointAt(start))) {
			start += Character.charCount(q.codePointAt(start));
		}
		while (end > start && space(q.codePointBefore(end))) {
			end -= Character.charCount(q.codePointBefore(end));
		}
		return q.substring(start, end);
	}

	/**
	 * A space of any kind (U+00A0, U+2007, U+202F, U+3000 among them) or a zero-width
	 * space or no-break (U+200B, U+FEFF); a direction or other control character is not
	 * trimmed but refused.
	 */
	private static boolean space(int c) {
		return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x200B
				|| c == 0xFEFF;
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
