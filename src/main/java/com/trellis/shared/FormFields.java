package com.trellis.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads the text fields of a page form into the types of a command, collecting one error
 * per field that is not what it must be (a date, a number, one of a list) instead of
 * answering the whole form with an error page. What it reads then goes through the same
 * checks as the API's request body.
 */
public final class FormFields {

	private final List<FieldError> errors = new ArrayList<>();

	/**
	 * Whole numbers beyond an int, read as its nearest; the type's range unless a bound
	 * is broken.
	 */
	private final List<FieldError> beyond = new ArrayList<>();

	/** A day as {@code 2026-12-31}; empty is none. */
	public LocalDate date(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return fail(field, ExactJsonTypes.day(value.strip()));
		}
	}

	/**
	 * The version of the record an edit form was opened on (its hidden {@code version}
	 * field); one no record has (-1) when the form sent none or an unreadable one, so
	 * that such a save is refused as stale rather than saved unchecked.
	 */
	public static long seenVersion(String version) {
		var read = version == null ? null : new FormFields().id("version", version);
		return read == null ? -1L : read;
	}

	/**
	 * The version a settings form showed ({@link SettingVersions}): null when the form
	 * sent none (unchecked), -1 (refused as stale) when it is not a version.
	 */
	public static Long seenVersionIfSent(String version) {
		return blank(version) ? null : seenVersion(version);
	}

	/** A record's id as a whole number; empty is none. */
	public Long id(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return fail(field, "must be one of the choices offered");
		}
	}

	/**
	 * A whole number; empty is none. Digits beyond an int's range read as the nearest
	 * number it holds, so that the command's own bound names the field ({@link #check}:
	 * "must be less than or equal to 730", as {@link WholeNumberBounds} tells bound
	 * forms); a command without such a bound leaves the type's range as the field's
	 * error, so the form is refused either way.
	 */
	public Integer whole(String field, String value) {
		if (blank(value)) {
			return null;
		}
		var read = nearestWhole(value);
		if (read == null) {
			return fail(field, "must be a whole number");
		}
		if (read == Integer.MAX_VALUE || read == Integer.MIN_VALUE) {
			// the nearest an int holds, or the number itself (try69b: every number was
			// told the int's range)
			var outside = fits(value) ? null : ParameterProblems.outsideRange(Integer.class, value.strip());
			if (outside != null) {
				this.beyond.add(new FieldError(field, outside));
			}
		}
		return read;
	}

	private static boolean fits(String value) {
		try {
			Integer.parseInt(value.strip());
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Whole-number text ({@code 12}, {@code -3}, {@code +7}) as the nearest number an int
	 * holds: digits beyond its range read as its end, so that a command's own bound
	 * refuses them in its own words ("must be less than or equal to 50"), as a number
	 * that fits but breaks it is; null when the text is no whole number (words, a
	 * fraction, empty).
	 */
	public static Integer nearestWhole(String value) {
		var typed = value == null ? "" : value.strip();
		if (!typed.matches("[+-]?[0-9]+")) {
			return null;
		}
		boolean negative = typed.startsWith("-");
		// digits read only as far as a long holds them (a megabyte of digits is not
		// parsed)
		var digits = typed.replaceFirst("^[+-]?0*", "");
		long number = digits.isEmpty() ? 0 : digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
		long signed = negative ? -number : number;
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
	}

	/**
	 * A decimal number as the reader writes it: {@code 75000.50} or {@code 75,000.50},
	 * and {@code 75.000,50} for a reader whose locale marks decimals with a comma (the
	 * same reading as amounts bound to page forms, {@link GroupedAmounts}); empty is
	 * none.
	 */
	public BigDecimal decimal(String field, String value) {
		try {
			return GroupedAmounts.Editor.read(value);
		}
		catch (NumberFormatException ex) {
			return fail(field, "must be a number such as " + example());
		}
	}

	/** One of an enumeration's constants by name; empty is none. */
	public <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fail(field, "must be one of the choices offered");
		}
	}

	/**
	 * As {@link #choice} for a form with one choice: refused at once naming the field, so
	 * that a form that redirects back keeps what was typed beside it ({@link FormAction})
	 * instead of an error page (try70a: a garbage blocker or stage).
	 */
	public static <E extends Enum<E>> E chosen(String field, String value, Class<E> type) {
		var fields = new FormFields();
		var read = fields.choice(field, value, type);
		fields.check(() -> {
		});
		return read;
	}

	/**
	 * A yes/no choice as every form and query reads one ({@link TrueOrFalse}: true or
	 * false in any case); empty is none; else refused naming the field.
	 */
	public static Boolean trueOrFalse(String field, String value) {
		try {
			return TrueOrFalse.read(value);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of(field, ex.getMessage());
		}
	}

	/** The entries of a comma-separated list, stripped, without empty ones. */
	public static List<String> list(String value) {
		if (blank(value)) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Records an error of a field the caller checked itself. */
	public void reject(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || !this.beyond.isEmpty();
	}

	/**
	 * Refuses the form when a field could not be read, with the errors of every field
	 * that could not, together with the ones the command's own checks found.
	 */
	public void check(Runnable commandChecks) {
		var all = new ArrayList<>(this.errors);
		try {
			commandChecks.run();
		}
		catch (InvalidInputException ex) {
			ex.errors()
				.stream()
				.filter(e -> all.stream().noneMatch(o -> o.field().equals(e.field())))
				.forEach(all::add);
		}
		this.beyond.stream().filter(e -> all.stream().noneMatch(o -> o.field().equals(e.field()))).forEach(all::add);
		if (!all.isEmpty()) {
			throw new InvalidInputException(all);
		}
	}

	private <T> T fail(String field, String message) {
		this.errors.add(new FieldError(field, message));
		return null;
	}

	/** 75,000.50 as the reader writes it ("75.000,50" in de-DE). */
	static String example() {
		var format = java.text.NumberFormat.getNumberInstance(Reading.locale(Locale.US));
		format.setMinimumFractionDigits(2);
		return format.format(new BigDecimal("75000.50"));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
