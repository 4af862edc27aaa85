package com.trellis.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Shows an amount with its currency and the currency's own minor unit, with thousands
 * separators ("JPY 12,345", "USD 1,234.57", "BHD 1.234"), rounded by {@link MinorUnits}.
 * Every text a person reads (pages, ledger bases, notices, error messages) shows money
 * through here: pages as {@code @money.format(amount, currency)} in the reader's locale
 * ({@link Reading}), code as {@link #of(BigDecimal, String)} (stored texts, in the
 * program's one notation). Files and the API carry the bare amount at the currency's
 * scale instead ({@link MinorUnits#round}).
 */
@Component("money")
public class MoneyFormat {

	/**
	 * The patterns of {@link #amount(BigDecimal, String, Locale)} per number of decimals
	 * and locale, one set per thread (a {@link DecimalFormat} is not safe to share, and
	 * building one per amount cost the ROI page ~80,000 pattern parses per request at
	 * 40,000 partners).
	 */
	private static final ThreadLocal<java.util.Map<String, DecimalFormat>> FORMATS = ThreadLocal
		.withInitial(java.util.HashMap::new);

	public String format(BigDecimal amount, String currency) {
		return format(amount, currency, Reading.locale(Locale.ROOT));
	}

	/**
	 * {@link #format(BigDecimal, String)} in a given locale: for a page that writes many
	 * amounts and reads the reader's locale once.
	 */
	public static String format(BigDecimal amount, String currency, Locale locale) {
		return amount == null ? "" : currency + " " + amount(amount, currency, locale);
	}

	/**
	 * The number alone ("12,345.60"), for a column whose heading names the currency.
	 */
	public String number(BigDecimal amount, String currency) {
		return amount(amount, currency, Reading.locale(Locale.ROOT));
	}

	/** The number alone in the reporting currency, for the figures of reports. */
	public String reporting(BigDecimal amount) {
		return number(amount, ReportingCurrency.CODE);
	}

	/**
	 * An amount for a form's amount field, as the reader writes it and as the form reads
	 * it back ({@link GroupedAmounts}): "1.234,567" for BHD 1234.567 in de-DE, never the
	 * bare "567.125" a German reader's form would read as 567,125. Never rounded (an
	 * amount with more decimals than its currency, shown back with its error, keeps
	 * them); empty for none.
	 */
	public String input(BigDecimal amount, String currency) {
		return inputValue(amount, currency, Reading.locale(Locale.ROOT));
	}

	/**
	 * An example amount (75,000) as the reader types it in the currency, for a
	 * placeholder.
	 */
	public String example(String currency) {
		return input(BigDecimal.valueOf(75000), currency);
	}

	/** {@link #input} in a given locale. */
	public static String inputValue(BigDecimal amount, String currency, Locale locale) {
		if (amount == null) {
			return "";
		}
		int decimals;
		try {
			decimals = MinorUnits.of(currency);
		}
		catch (RuntimeException ex) {
			decimals = 2;
		}
		decimals = Math.max(decimals, Math.max(0, amount.stripTrailingZeros().scale()));
		var pattern = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(locale));
		return pattern.format(amount);
	}

	/** The amount as a person reads it, e.g. {@code JPY 12,345}; empty for none. */
	public static String of(BigDecimal amount, String currency) {
		return amount == null ? "" : currency + " " + amount(amount, currency);
	}

	/** The number alone, e.g. {@code 12,345} for JPY; empty for none. */
	public static String amount(BigDecimal amount, String currency) {
		return amount(amount, currency, Locale.ROOT);
	}

	/**
	 * The number alone as a reader of the locale writes it ("12.345,60" in de-DE); pages
	 * only, stored texts and files keep {@link #amount(BigDecimal, String)}.
	 */
	public static String amount(BigDecimal amount, String currency, Locale locale) {
		if (amount == null) {
			return "";
		}
		int decimals = MinorUnits.of(currency);
		return FORMATS.get()
			.computeIfAbsent(decimals + " " + locale.toLanguageTag(),
					key -> new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
							DecimalFormatSymbols.getInstance(locale)))
			.format(MinorUnits.round(amount, currency));
	}

}
