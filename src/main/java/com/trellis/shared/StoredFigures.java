package com.trellis.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures inside texts that are stored and read later (an earning's basis): written as
 * locale-free parts ({@code {percent:20}}, {@code {money:USD 100000.00}}, a plain number
 * {@code {number:1204.5}}, a signed one {@code {signed:+1.5}}) and put into words only
 * when someone reads the text, in the reader's locale ("20,0 % of USD 100.000,00",
 * "1.204,5", "+1,5" in de-DE), never in the JVM's default locale. A text written before
 * holds no parts and reads as it was stored.
 * <p>
 * Free text a user wrote, or a name, embedded in such a text is written through
 * {@link #text(String)}: its braces are doubled ({@code "{{percent:5}"}), so it can never
 * be read as a part, and {@link #render} reads a doubled brace as one brace. A dispute
 * reason "{percent:5}" reads "{percent:5}", not "5.0 %".
 */
public final class StoredFigures {

	private static final Pattern PART = Pattern
		.compile("\\{(percent|money|number|signed):([A-Z]{3} )?([-+]?[0-9]+(?:\\.[0-9]+)?)}");

	private StoredFigures() {
	}

	/**
	 * Free text (a reason, a note, a name) to embed in a stored text: it reads back
	 * exactly as written, whatever braces it holds; null stays null.
	 */
	public static String text(String text) {
		return text == null ? null : text.replace("{", "{{");
	}

	/** A percentage (already multiplied by 100) as a stored part. */
	public static String percent(BigDecimal percent) {
		return "{percent:" + percent.stripTrailingZeros().toPlainString() + "}";
	}

	/** An amount with its currency as a stored part, at the currency's minor unit. */
	public static String money(BigDecimal amount, String currency) {
		return "{money:" + currency + " " + MinorUnits.round(amount, currency).toPlainString() + "}";
	}

	/** A count as a stored part: grouped when read ("1,204"; "1.204" in de-DE). */
	public static String count(long count) {
		return "{number:" + count + "}";
	}

	/**
	 * A number as a stored part, read with exactly its scale's decimals ("0.50" reads
	 * "0,50" in de-DE); null reads "—".
	 */
	public static String number(BigDecimal value) {
		return value == null ? "—" : "{number:" + value.toPlainString() + "}";
	}

	/**
	 * A number rounded half up to {@code decimals} as a stored part (what {@code "%.2f"}
	 * wrote, without the locale); one that is not finite is written as it is.
	 */
	public static String number(double value, int decimals) {
		return Double.isFinite(value) ? number(rounded(value, decimals)) : String.valueOf(value);
	}

	/**
	 * A number with its sign always shown ("+1.5", "-1.5"; what {@code "%+.1f"} wrote) as
	 * a stored part, with exactly its scale's decimals.
	 */
	public static String signed(BigDecimal value) {
		return value == null ? "—" : "{signed:" + (value.signum() < 0 ? "" : "+") + value.toPlainString() + "}";
	}

	/**
	 * A number rounded half up to {@code decimals}, its sign always shown, as a stored
	 * part.
	 */
	public static String signed(double value, int decimals) {
		return Double.isFinite(value) ? signed(rounded(value, decimals)) : String.valueOf(value);
	}

	private static BigDecimal rounded(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
	}

	/**
	 * The stored text as a reader in the locale reads it: a percentage with one decimal
	 * at least (a rate's second decimal kept: "2,25 %"), an amount at its currency's
	 * minor unit, a number with its stored decimals, all grouped with the locale's marks;
	 * a doubled brace (embedded free text, {@link #text}) reads as one brace.
	 */
	public static String render(String stored, Locale locale) {
		if (stored == null || stored.indexOf('{') < 0) {
			return stored;
		}
		var matcher = PART.matcher(stored);
		var text = new StringBuilder(stored.length());
		int at = 0;
		for (int brace = stored.indexOf('{'); brace >= 0; brace = stored.indexOf('{', at)) {
			text.append(stored, at, brace);
			if (brace + 1 < stored.length() && stored.charAt(brace + 1) == '{') {
				text.append('{'); // a brace of embedded free text (text)
				at = brace + 2;
			}
			else if (matcher.region(brace, stored.length()).lookingAt()) {
				text.append(words(matcher, locale));
				at = matcher.end();
			}
			else {
				text.append('{');
				at = brace + 1;
			}
		}
		return text.append(stored, at, stored.length()).toString();
	}

	private static String words(Matcher matcher, Locale locale) {
		var value = new BigDecimal(matcher.group(3));
		return switch (matcher.group(1)) {
			case "percent" ->
				new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(locale)).format(value) + " %";
			case "money" -> currencyOf(matcher) + " " + MoneyFormat.amount(value, currencyOf(matcher), locale);
			case "signed" -> (value.signum() < 0 ? "" : "+") + plain(value, locale);
			default -> plain(value, locale);
		};
	}

	private static String plain(BigDecimal value, Locale locale) {
		var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
		format.setMinimumFractionDigits(Math.max(0, value.scale()));
		format.setMaximumFractionDigits(Math.max(0, value.scale()));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	private static String currencyOf(Matcher matcher) {
		return matcher.group(2) == null ? ReportingCurrency.CODE : matcher.group(2).strip();
	}

}
