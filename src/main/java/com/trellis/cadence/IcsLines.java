package com.trellis.cadence;

import java.nio.charset.StandardCharsets;

/**
 * Folds iCalendar content lines at 75 octets of UTF-8 (RFC 5545, 3.1): a longer line goes
 * on in continuation lines that start with one space, each at most 75 octets with the
 * space, and never splits a character. The iCalendar library folds at 75 characters,
 * which a line of accented or CJK letters passes in octets.
 */
final class IcsLines {

	static final int MAX_OCTETS = 75;

	private IcsLines() {
	}

	/** The content, its lines separated by CRLF, with every line folded to fit. */
	static String fold(String unfolded) {
		var out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
		for (var line : unfolded.split("\r\n", -1)) {
			if (out.length() > 0) {
				out.append("\r\n");
			}
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > MAX_OCTETS) {
					out.append("\r\n ");
					octets = 1;
				}
				out.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
		}
		return out.toString();
	}

}
