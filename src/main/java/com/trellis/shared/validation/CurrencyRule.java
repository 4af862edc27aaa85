package com.trellis.shared.validation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Which currency codes Trellis takes and how many decimals their amounts may have. A code
 * must be an ISO 4217 currency (funds, precious metals and the testing codes such as
 * {@code XXX} and {@code XTS} have no minor unit and are refused). Amounts keep at most
 * the currency's minor unit (JPY none, USD two, BHD three) and never more than the four
 * decimals money is stored with; more are refused, never rounded.
 */
public final class CurrencyRule {

	/**
	 * The scale of every money column ({@code NUMERIC(21, 4)}): enough for every ISO 4217
	 * minor unit (BHD three, CLF four).
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

	public static Optional<String> decimalsProblem(BigDecimal amount, String code) {
		var allowed = decimals(code);
		if (amount == null || allowed.isEmpty() || decimalsOf(amount) <= allowed.get()) {
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
		try {
			var currency = Currency.getInstance(code);
			return currency.getDefaultFractionDigits() < 0 ? null : currency;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
