package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.trellis.shared.validation.CountryRule;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.TextRule;
import com.trellis.shared.validation.WebDomainRule;

/**
 * Reads the values of an export cell by cell, each refusal saying why in words a person
 * fixing the file understands. Dates are ISO days ({@code 2024-06-30}); moments are ISO
 * with an offset ({@code 2024-03-05T14:22:10.000+0000}, Salesforce's form) or without one
 * (then in the zone given, the export's); amounts have a point as decimal separator (how
 * many decimals an amount may have depends on its currency, see
 * {@link ImportValueRules}); text is one line without control characters
 * ({@link TextRule}).
 */
final class SourceValues {

	private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*[\\r\\n\\u2028\\u2029]+[ \\t]*");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*,\\d{1,2}|-?\\d+,\\d{1,2}");

	// strict: a day the calendar does not have (02-30) or 24:00 is refused, not moved to
	// the nearest one (s55: 2025-02-30 was kept as 2025-02-28)
	private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XX")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd[' ']['T']HH:mm[:ss][.SSS]")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private SourceValues() {
	}

	/** A value or the reason it is not one. */
	record Parsed<T>(T value, String refusal) {

		static <T> Parsed<T> of(T value) {
			return new Parsed<>(value, null);
		}

		static <T> Parsed<T> refused(String why) {
			return new Parsed<>(null, why);
		}

		boolean ok() {
			return this.refusal == null;
		}

	}

	static Parsed<LocalDate> day(String text) {
		if (text.isBlank()) {
			return Parsed.of(null);
		}
		try {
			return Parsed.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return Parsed
				.refused(noDay(text).orElse("'" + text + "' is not a date; write it as yyyy-MM-dd, e.g. 2024-06-30"));
		}
	}

	/**
	 * What a cell is told whose day is written yyyy-mm-dd but the calendar has not
	 * ({@code 2025-02-30}, {@code 2025-13-01}), or empty for a cell written otherwise
	 * (s55: such a day was told how to write a day).
	 */
	static java.util.Optional<String> noDay(String text) {
		var value = text.strip();
		if (!value.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
			return java.util.Optional.empty();
		}
		try {
			LocalDate.parse(value.substring(0, 10));
			return java.util.Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return java.util.Optional.of("'" + text + "' names no day of the calendar");
		}
	}

	static Parsed<Instant> moment(String text, ZoneId zone) {
		if (text.isBlank()) {
			return Parsed.of(null);
		}
		var value = text.strip();
		var common = IsoMoments.read(value);
		if (common != null) {
			return Parsed.of(common);
		}
		try {
			return Parsed.of(OffsetDateTime.parse(value, OFFSET).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Parsed.of(OffsetDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Parsed.of(LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try a bare day
		}
		try {
			return Parsed.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Parsed.refused(noDay(text).orElse("'" + text
					+ "' is not a date and time; write it as yyyy-MM-ddTHH:mm:ss with an offset, e.g. 2024-03-05T14:22:10.000+0000"));
		}
	}

	/**
	 * An amount of money written with a point as decimal separator, as written: its sign,
	 * size and decimals are the money rules' ({@link ImportValueRules}).
	 */
	static Parsed<BigDecimal> amount(String text) {
		if (text.isBlank()) {
			return Parsed.of(null);
		}
		var value = text.strip();
		if (plainAmount(value)) {
			// the common case, read without a pattern: a point decimal cannot be a comma
			// one
			return Parsed.of(new BigDecimal(value));
		}
		if (COMMA_DECIMAL.matcher(value).matches()) {
			return Parsed.refused("'" + text
					+ "' is an amount with a comma decimal; use a point as the decimal separator and no thousands separator, e.g. 1234.50");
		}
		if (!AMOUNT.matcher(value).matches()) {
			return Parsed
				.refused("'" + text + "' is not an amount; write digits with a point for decimals, e.g. 1234.50");
		}
		return Parsed.of(new BigDecimal(value));
	}

	/**
	 * Whether a value is ASCII digits, optionally signed, with a point and more digits or
	 * not: what {@code AMOUNT} matches, scanned without it.
	 */
	private static boolean plainAmount(String value) {
		int i = value.startsWith("-") ? 1 : 0;
		int digits = digits(value, i);
		if (digits == 0) {
			return false;
		}
		i += digits;
		if (i == value.length()) {
			return true;
		}
		return value.charAt(i) == '.' && digits(value, i + 1) > 0 && i + 1 + digits(value, i + 1) == value.length();
	}

	/** How many ASCII digits follow from {@code from}. */
	private static int digits(String value, int from) {
		int i = from;
		while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
			i++;
		}
		return i - from;
	}

	/**
	 * An ISO 4217 currency Trellis takes (the API's rule, {@link CurrencyRule}), in any
	 * case.
	 */
	static Parsed<String> currency(String text) {
		var code = CurrencyRule.normalized(text);
		if (CurrencyRule.problem(code).isPresent()) {
			return Parsed.refused("unknown currency '" + text + "'; use an ISO 4217 code such as EUR");
		}
		return Parsed.of(code);
	}

	/**
	 * One line of text of at most {@code max} characters without control or bidi
	 * characters (the rule of every other input path, {@link TextRule}), stripped; blank
	 * is null.
	 */
	static Parsed<String> line(String text, int max) {
		if (text == null || text.isBlank()) {
			return Parsed.of(null);
		}
		var problem = TextRule.problem(text, max, false);
		return problem.isPresent() ? Parsed.refused(problem.get()) : Parsed.of(text.strip());
	}

	/**
	 * The text with each line break (CR, LF, CRLF, U+2028, U+2029, with the blanks around
	 * it) folded to one space: how a one-line field reads a quoted multi-line cell (a
	 * name typed on two lines in the source system). Null stays null.
	 */
	static String folded(String text) {
		return text == null ? null : LINE_BREAKS.matcher(text).replaceAll(" ");
	}

	/**
	 * A country as a source system writes it: an ISO 3166 code (two or three letters, any
	 * case) or the country's English name, as its two-letter code
	 * ({@link CountryRule#code}); blank is null.
	 */
	static Parsed<String> country(String text) {
		if (text == null || text.isBlank()) {
			return Parsed.of(null);
		}
		return CountryRule.code(text)
			.map(Parsed::of)
			.orElseGet(() -> Parsed.refused("not a country '" + text.strip()
					+ "'; write an ISO 3166 code such as DE or the country's English name such as Germany"));
	}

	/** Salesforce's and HubSpot's true and false (1/0, yes/no too); blank is null. */
	static Parsed<Boolean> flag(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "" -> Parsed.of(null);
			case "true", "1", "yes" -> Parsed.of(true);
			case "false", "0", "no" -> Parsed.of(false);
			default -> Parsed.refused("not true or false: '" + text + "'");
		};
	}

	/**
	 * A bare web domain from a website ({@code https://www.example.com/about} gives
	 * {@code example.com}), or null when there is none that looks like a domain.
	 */
	static String domain(String website) {
		var value = WebDomainRule.bare(website);
		return value != null && webDomain(value) ? value : null;
	}

	/**
	 * Whether a value is lower-case ASCII letters, digits, dots and hyphens ending in a
	 * dot and two letters or more, with something before that dot.
	 */
	private static boolean webDomain(String value) {
		int dot = value.lastIndexOf('.');
		if (dot < 1 || value.length() - dot - 1 < 2) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean letter = c >= 'a' && c <= 'z';
			if (i > dot ? !letter : !(letter || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
				return false;
			}
		}
		return true;
	}

}
