package com.trellis.shared.validation;

import java.util.Optional;

/**
 * What free text may hold: at most {@code max} characters and no control characters. Line
 * breaks (LF, CR) and tabs are allowed only in multi-line text such as notes;
 * bidirectional controls (U+202E and its kin), NUL, unpaired surrogates and noncharacters
 * (U+FFFE, U+FFFF) never; and text that is not blank must not be only spaces of other
 * kinds and invisible format characters (a name of a lone U+200B or of U+00A0s).
 */
public final class TextRule {

	private TextRule() {
	}

	/**
	 * The problem with a value, or empty when it is fine (null is fine: "required" is a
	 * separate rule).
	 */
	public static Optional<String> problem(String value, int max, boolean multiline) {
		if (value == null) {
			return Optional.empty();
		}
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			return Optional.of("must be at most " + max + " characters (it has " + length + ")");
		}
		boolean visible = false;
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			if (!allowed(c, multiline)) {
				return Optional.of(isLineBreak(c) ? "must be a single line"
						: "must not contain control characters (found U+%04X)".formatted(c));
			}
			visible |= !invisible(c);
			i += Character.charCount(c);
		}
		// blank text is the "required" rule's; text of no-break spaces (U+00A0, U+3000)
		// or format characters alone is blank to the reader but not to String.isBlank
		// (s55: a customer named with two U+00A0 was registered)
		if (!visible && !value.isBlank()) {
			return Optional.of("must contain visible characters, not only spaces or invisible ones");
		}
		return Optional.empty();
	}

	/**
	 * The value as an error message may quote it: each character this rule refuses
	 * written as its code ({@code U+202E}), so a direction mark or control character
	 * quoted back does not turn or break the message around it (s56).
	 */
	public static String quotable(String value) {
		var out = new StringBuilder();
		value.codePoints().forEach(c -> out.append(allowed(c, false) ? Character.toString(c) : "U+%04X".formatted(c)));
		return out.toString();
	}

	/**
	 * Whether the text shows nothing to the reader: only spaces, format characters and
	 * letters drawn blank ({@link #invisible}); a password or an e-mail address made so
	 * looks like none (s56).
	 */
	public static boolean blankToTheEye(String value) {
		return value.codePoints().allMatch(TextRule::invisible);
	}

	/**
	 * A space of any kind (U+00A0, U+2007, U+202F, U+3000 among them), a format character
	 * (zero-width spaces, joiners, the soft hyphen and their kin) or a letter drawn blank
	 * (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and the blank Braille pattern
	 * U+2800).
	 */
	public static boolean invisible(int c) {
		int type = Character.getType(c);
		return Character.isWhitespace(c) || type == Character.SPACE_SEPARATOR || type == Character.FORMAT || c == 0x115F
				|| c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
	}

	/**
	 * U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, ...).
	 */
	static boolean isNoncharacter(int c) {
		return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
	}

	private static boolean allowed(int c, boolean multiline) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return multiline;
		}
		if (c == 0x2028 || c == 0x2029) {
			return false;
		}
		if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE
				|| isNoncharacter(c)) {
			return false;
		}
		return !isBidiControl(c);
	}

	private static boolean isLineBreak(int c) {
		return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
	}

	private static boolean isBidiControl(int c) {
		return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2066 && c <= 0x2069);
	}

}
