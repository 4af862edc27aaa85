package com.trellis.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the moments exports write most, {@code 2024-03-05T14:22:10.000+0000} (Salesforce)
 * and {@code 2024-03-05T14:22:10Z}, by hand: a {@code DateTimeFormatter} with optional
 * sections cost more per cell than the rest of a deal row together (seen in thread dumps
 * of a 100,000-deal import). Anything else, or a value out of range, is left to
 * {@link SourceValues#moment}'s formatters, which decide and word the refusal.
 */
final class IsoMoments {

	private IsoMoments() {
	}

	/**
	 * The moment of {@code yyyy-MM-ddTHH:mm:ss}, optionally {@code .SSS}, then {@code Z},
	 * {@code ±HHMM} or {@code ±HH:MM}; null when the value has another form or a field
	 * out of range.
	 */
	static Instant read(String value) {
		int n = value.length();
		if (n < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':') {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (value.charAt(at) == '.') {
			int millis = number(value, at + 1, 3);
			if (millis < 0) {
				return null;
			}
			nanos = millis * 1_000_000;
			at += 4;
		}
		int offset = offsetSeconds(value, at);
		int year = number(value, 0, 4);
		int month = number(value, 5, 2);
		int day = number(value, 8, 2);
		int hour = number(value, 11, 2);
		int minute = number(value, 14, 2);
		int second = number(value, 17, 2);
		// year 0 and a negative zero offset are left to the formatters (each takes one
		// form)
		if (offset == Integer.MIN_VALUE || year < 1 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
				.toInstant(ZoneOffset.ofTotalSeconds(offset));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The offset in seconds written from {@code at} to the end, or
	 * {@link Integer#MIN_VALUE} when it is not {@code Z}, {@code ±HHMM} or
	 * {@code ±HH:MM}.
	 */
	private static int offsetSeconds(String value, int at) {
		int rest = value.length() - at;
		if (rest == 1 && value.charAt(at) == 'Z') {
			return 0;
		}
		if (rest != 5 && rest != 6 || value.charAt(at) != '+' && value.charAt(at) != '-') {
			return Integer.MIN_VALUE;
		}
		if (rest == 6 && value.charAt(at + 3) != ':') {
			return Integer.MIN_VALUE;
		}
		int hours = number(value, at + 1, 2);
		int minutes = number(value, at + rest - 2, 2);
		if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3600 + minutes * 60;
		if (seconds == 0 && value.charAt(at) == '-') {
			return Integer.MIN_VALUE;
		}
		return value.charAt(at) == '-' ? -seconds : seconds;
	}

	/** The ASCII digits from {@code from}, {@code count} of them; -1 when not all are. */
	private static int number(String value, int from, int count) {
		int result = 0;
		for (int i = from; i < from + count; i++) {
			char c = i < value.length() ? value.charAt(i) : 'x';
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

}
