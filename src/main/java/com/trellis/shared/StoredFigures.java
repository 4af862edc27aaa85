package com.trellis.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures inside texts that are stored and read later (an earning's basis): written as
 * locale-free parts ({@code {percent:20}}, {@code {money:USD 100000.00}}) and put into
 * words only when someone reads the text, in the reader's locale ("20,0 % of USD
 * 100.000,00" in de-DE). A text written before holds no parts and reads as it was stored.
 */
public final class StoredFigures {

	private static final Pattern PART = Pattern.compile("\\{(percent|money):([A-Z]{3} )?(-?[0-9]+(?:\\.[0-9]+)?)}");

	private StoredFigures() {
	}

	/** A percentage (already multiplied by 100) as a stored part. */
	public static String percent(BigDecimal percent) {
		return "{percent:" + percent.stripTrailingZeros().toPlainString() + "}";
	}

	/** An amount with its currency as a stored part, at the currency's minor unit. */
	public static String money(BigDecimal amount, String currency) {
		return "{money:" + currency + " " + MinorUnits.round(amount, currency).toPlainString() + "}";
	}

	/**
	 * The stored text as a reader in the locale reads it: a percentage with one decimal
	 * at least (a rate's second decimal kept: "2,25 %"), an amount at its currency's
	 * minor unit, both grouped with the locale's marks.
	 */
	public static String render(String stored, Locale locale) {
		if (stored == null || stored.indexOf('{') < 0) {
			return stored;
		}
		var matcher = PART.matcher(stored);
		var text = new StringBuilder();
		while (matcher.find()) {
			var value = new BigDecimal(matcher.group(3));
			var words = "percent".equals(matcher.group(1))
					? new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(locale)).format(value) + " %"
					: currencyOf(matcher) + " " + MoneyFormat.amount(value, currencyOf(matcher), locale);
			matcher.appendReplacement(text, Matcher.quoteReplacement(words));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private static String currencyOf(Matcher matcher) {
		return matcher.group(2) == null ? ReportingCurrency.CODE : matcher.group(2).strip();
	}

}
