package com.trellis.shared.validation;

import java.util.Optional;

/**
 * What free text may hold: at most {@code max} characters and no control characters. Line
 * breaks (LF, CR) and tabs are allowed only in multi-line text such as notes;
 * bidirectional controls (U+202E and its kin) and NUL never.
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
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			if (!allowed(c, multiline)) {
				return Optional.of(isLineBreak(c) ? "must be a single line"
						: "must not contain control characters (found U+%04X)".formatted(c));
			}
			i += Character.charCount(c);
		}
		return Optional.empty();
	}

	private static boolean allowed(int c, boolean multiline) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return multiline;
		}
		if (c == 0x2028 || c == 0x2029) {
			return false;
		}
		if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE) {
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
