package com.trellis.shared;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.trellis.shared.validation.CurrencyRule;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A money amount a reader typed that could mean two amounts. A reader whose locale marks
 * decimals with a comma (de-DE, fr-FR, sv-SE, …) who types one to three digits, a comma
 * and exactly three digits ("1,500") wrote fifteen hundred in the English notation this
 * program's own examples use, and one and a half in their own; a point in their place
 * ("1.500") is as ambiguous where the locale does not group thousands with a point
 * (fr-FR), and is their grouping where it does (de-DE: fifteen hundred). Whether it is
 * ambiguous depends on the amount's currency, known only with the whole form: an amount
 * in a currency of three decimals (KWD, BHD) is read as typed ("567,125" is 567.125
 * there, a decimal it can have), one in a currency of fewer decimals is refused naming
 * the field, with how to write either reading, never guessed. Numbers that are no money
 * amounts (an exchange rate "1,085", a share) are not checked, nor JSON bodies (plain
 * numbers) or a reader whose locale marks decimals with a point.
 * <p>
 * The typed text is the current request's form parameter of the amount's field (a page
 * form names its inputs after the command's fields); checked by
 * {@link com.trellis.shared.validation.AmountsIn} and by the services that check an
 * amount's decimals for its currency themselves.
 */
public final class TypedAmounts {

	private static final Pattern SHAPE = Pattern.compile("([-+]?)([1-9]\\d{0,2})([.,])(\\d{3})");

	/**
	 * Digits, a point and four or more digits: no thousands group and no decimal the
	 * reader's own notation writes ("1.5000" where a point groups thousands).
	 */
	private static final Pattern BROKEN_GROUP = Pattern.compile("([-+]?)(\\d+)\\.(\\d{4,})");

	private TypedAmounts() {
	}

	/**
	 * Why a point followed by four or more digits is ambiguous where a point groups
	 * thousands: a group of three digits mistyped, or a decimal written the English way
	 * with trailing zeros ("1.5000": 15.000 or 1.500, or 1,5).
	 */
	private static String brokenGroup(java.util.regex.Matcher broken) {
		var sign = broken.group(1);
		var digits = broken.group(2) + broken.group(3);
		var fraction = broken.group(3).replaceFirst("0+$", "");
		var whole = grouped(digits.substring(0, digits.length() - (broken.group(3).length() - 3)));
		return broken.group(0) + " is ambiguous: a point groups thousands in threes in your notation (1.500 is fifteen"
				+ " hundred); write " + sign + grouped(digits) + " or " + sign + whole + " for the thousands, or "
				+ sign + broken.group(2) + "," + (fraction.isEmpty() ? "0" : fraction) + " for the decimal";
	}

	/** Digits grouped in threes with points ("1500000" as "1.500.000"). */
	private static String grouped(String digits) {
		var out = new StringBuilder(digits);
		for (int i = digits.length() - 3; i > 0; i -= 3) {
			out.insert(i, '.');
		}
		return out.toString();
	}

	/**
	 * Why the amount typed into the form field {@code field} (the current request's
	 * parameter) is ambiguous in {@code currency} for the reader, or empty: not typed in
	 * a page form, not ambiguous, or an unknown currency (refused on its own).
	 */
	public static Optional<String> ambiguity(String field, String currency) {
		var typed = typed(field);
		if (typed == null) {
			return Optional.empty();
		}
		return ambiguity(typed, currency, DecimalFormatSymbols.getInstance(Reading.locale(Locale.ROOT)));
	}

	/**
	 * Why the text {@code typed} (an amount typed as part of a longer field, such as one
	 * line of an incentive program's tiers) is ambiguous in {@code currency} for the
	 * reader, or empty: none typed, not ambiguous, or an unknown currency.
	 */
	public static Optional<String> ambiguityOfText(String typed, String currency) {
		if (typed == null || currency == null) {
			return Optional.empty();
		}
		return ambiguity(typed, currency, DecimalFormatSymbols.getInstance(Reading.locale(Locale.ROOT)));
	}

	/**
	 * Why {@code typed} is ambiguous in {@code currency} for a reader with these symbols
	 * ("1,500 is ambiguous: write 1500 or 1.500 for the thousands, or 1,5 for the decimal
	 * (EUR has 2 decimals)"), or empty.
	 */
	static Optional<String> ambiguity(String typed, String currency, DecimalFormatSymbols symbols) {
		char decimal = symbols.getDecimalSeparator();
		char group = symbols.getGroupingSeparator();
		var broken = BROKEN_GROUP.matcher(typed.strip());
		if (decimal == ',' && group == '.' && broken.matches()) {
			return Optional.of(brokenGroup(broken));
		}
		var digits = CurrencyRule.decimals(currency);
		if (decimal != ',' || digits.isEmpty() || digits.get() >= 3) {
			return Optional.empty();
		}
		var matcher = SHAPE.matcher(typed.strip());
		if (!matcher.matches() || matcher.group(3).charAt(0) == group) {
			return Optional.empty();
		}
		var sign = matcher.group(1);
		var whole = matcher.group(2);
		var three = matcher.group(4);
		var writing = new StringBuilder(typed.strip()).append(" is ambiguous: write ")
			.append(sign)
			.append(whole)
			.append(three);
		if (group == '.') {
			writing.append(" or ").append(sign).append(whole).append('.').append(three);
		}
		writing.append(" for the thousands");
		var fraction = three.replaceFirst("0+$", "");
		int places = digits.get();
		if (places > 0 && fraction.length() <= places) {
			writing.append(", or ")
				.append(sign)
				.append(whole)
				.append(decimal)
				.append(fraction.isEmpty() ? "0" : fraction)
				.append(" for the decimal (")
				.append(currency)
				.append(" has ")
				.append(places)
				.append(places == 1 ? " decimal)" : " decimals)");
		}
		else {
			writing.append(" (")
				.append(currency)
				.append(places == 0 ? " has no decimals)" : " has " + places + " decimals, not 3)");
		}
		return Optional.of(writing.toString());
	}

	private static String typed(String field) {
		if (field == null
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		return attributes.getRequest().getParameter(field);
	}

}
