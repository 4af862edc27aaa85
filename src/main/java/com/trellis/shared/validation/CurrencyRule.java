package com.trellis.shared.validation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which currency codes Trellis takes and how many decimals their amounts may have. A code
 * must be an ISO 4217 currency that some country or territory pays with today: the
 * currency the JDK's ISO 4217 data gives one of the ISO 3166 countries
 * ({@link Currency#getInstance(Locale)}, with its dated changeovers), so the list is kept
 * up to date with the JDK as {@link CountryRule}'s is. That refuses the ISO 4217 funds
 * ({@code BOV}, {@code CHE}, {@code CHW}, {@code CLF}, {@code COU}, {@code MXV},
 * {@code USN}, {@code UYI}, …), the codes ISO withdrew that {@link Currency} still knows
 * ({@code ZWD}, {@code ZWL}, {@code HRK}, {@code DEM}, {@code CUC}, …), precious metals,
 * units of account ({@code XDR}) and the testing codes ({@code XXX}, {@code XTS}). A code
 * is read in any case and kept in capitals ({@link #normalized}). Amounts keep at most
 * the currency's minor unit (JPY none, USD two, BHD three) and never more than the four
 * decimals money is stored with; more are refused, never rounded.
 */
public final class CurrencyRule {

	/** The currencies of the countries and territories today. */
	private static final Set<String> CURRENT = Arrays.stream(Locale.getISOCountries())
		.map(country -> Currency.getInstance(new Locale("", country)))
		.filter(currency -> currency != null && currency.getDefaultFractionDigits() >= 0)
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * The scale of every money column ({@code NUMERIC(21, 4)}): enough for every ISO 4217
	 * minor unit (BHD three; CLF, a fund Trellis refuses, four).
	 */
	public static final int STORED_DECIMALS = 4;

	/**
	 * The smallest exchange rate into the reporting currency (the rate column's scale).
	 */
	public static final BigDecimal MIN_RATE = new BigDecimal("0.00000001");

	/**
	 * The largest exchange rate: no currency Trellis takes is worth a thousand units of
	 * the reporting currency, and the largest amount converted with it still fits a money
	 * column.
	 */
	public static final BigDecimal MAX_RATE = new BigDecimal("1000");

	private CurrencyRule() {
	}

	/**
	 * The problem with a rate into the reporting currency (missing, out of range or with
	 * more decimals than the eight it is kept with), or empty.
	 */
	public static Optional<String> rateProblem(BigDecimal rate) {
		if (rate == null || rate.compareTo(MIN_RATE) < 0 || rate.compareTo(MAX_RATE) > 0
				|| decimalsOf(rate) > MIN_RATE.scale()) {
			return Optional.of("must be a rate from " + MIN_RATE.toPlainString() + " to " + MAX_RATE.toPlainString()
					+ " with at most " + MIN_RATE.scale() + " decimals");
		}
		return Optional.empty();
	}

	/**
	 * A currency code as Trellis keeps it: three letters in capitals ({@code usd} and
	 * {@code " Usd "} are {@code USD}); anything else is returned as given, for
	 * {@link #problem} to name. Only ASCII letters are raised, so no other letter becomes
	 * one ({@code "uſd"} stays as typed).
	 */
	public static String normalized(String code) {
		if (code == null) {
			return null;
		}
		var text = code.strip();
		return text.matches("[A-Za-z]{3}") ? text.toUpperCase(Locale.ROOT) : code;
	}

	public static Optional<String> problem(String code) {
		if (code == null) {
			return Optional.empty();
		}
		if (code.isBlank()) {
			return Optional.of("is required (an ISO 4217 code such as USD)");
		}
		if (!code.matches("[A-Z]{3}") || currency(code) == null) {
			return Optional.of("must be an ISO 4217 currency code such as USD");
		}
		return Optional.empty();
	}

	/**
	 * The decimals an amount in this currency may have, or empty for a code that is not a
	 * currency Trellis takes.
	 */
	public static Optional<Integer> decimals(String code) {
		var currency = code == null ? null : currency(code);
		return currency == null ? Optional.empty()
				: Optional.of(Math.min(currency.getDefaultFractionDigits(), STORED_DECIMALS));
	}

	/**
	 * The problem with an amount's decimals: more than its currency has, named with the
	 * currency's own minor unit however many there are ({@code 1.00001} USD "must have at
	 * most 2 decimals for USD"); for a code that is no currency Trellis takes (refused on
	 * its own) or none, more than the {@link #STORED_DECIMALS} money is stored with.
	 */
	public static Optional<String> decimalsProblem(BigDecimal amount, String code) {
		if (amount == null) {
			return Optional.empty();
		}
		var allowed = decimals(code);
		if (allowed.isEmpty()) {
			return decimalsOf(amount) > STORED_DECIMALS
					? Optional.of("must have at most " + STORED_DECIMALS + " decimals") : Optional.empty();
		}
		if (decimalsOf(amount) <= allowed.get()) {
			return Optional.empty();
		}
		int minorUnit = currency(code).getDefaultFractionDigits();
		if (allowed.get() == 0) {
			return Optional.of("must be a whole number: " + code + " has no decimals");
		}
		if (minorUnit > allowed.get()) {
			return Optional.of("must have at most " + allowed.get() + " decimals (" + code + " has " + minorUnit
					+ ", Trellis keeps " + STORED_DECIMALS + ")");
		}
		return Optional.of("must have at most " + allowed.get() + " decimals for " + code);
	}

	static int decimalsOf(BigDecimal amount) {
		return Math.max(amount.stripTrailingZeros().scale(), 0);
	}

	private static Currency currency(String code) {
		return CURRENT.contains(code) ? Currency.getInstance(code) : null;
	}

}
