package com.trellis.shared;

/**
 * A value the caller sent, as an error message quotes it: its first 60 characters (then
 * "…"), with each control or format character (a right-to-left override, a zero-width
 * space) written as its code point, {@code U+202E}, so that a quoted value can neither
 * fill the message nor turn the words around it (try51: 7,000 characters came back whole;
 * try02: a U+202E reversed a KPI error's text).
 */
public final class Quoted {

	private static final int LONGEST = 60;

	private Quoted() {
	}

	public static String of(String value) {
		if (value == null) {
			return "";
		}
		var cut = value.codePointCount(0, value.length()) > LONGEST
				? value.substring(0, value.offsetByCodePoints(0, LONGEST)) + "…" : value;
		var quoted = new StringBuilder(cut.length());
		cut.codePoints().forEach(c -> {
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT) {
				quoted.append(String.format(java.util.Locale.ROOT, "U+%04X", c));
			}
			else {
				quoted.appendCodePoint(c);
			}
		});
		return quoted.toString();
	}

}
