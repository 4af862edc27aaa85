package com.trellis.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one rounding rule for money: an amount is rounded to its currency's own minor unit
 * (ISO 4217: JPY 0 decimals, USD 2, BHD 3) half up, that is half away from zero, which is
 * also what PostgreSQL's {@code round(numeric, n)} does, so an amount rounded in SQL and
 * in Java reads the same. Every stored, paid and shown amount goes through here, and a
 * conversion is rounded once, per converted amount (see {@code docs/decisions.md}).
 */
public final class MinorUnits {

	/** The rounding mode of every money amount. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	private MinorUnits() {
	}

	/** The decimals of a currency's minor unit; unknown codes and funds count as 2. */
	public static int of(String currencyCode) {
		try {
			int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
			return digits < 0 ? 2 : digits;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return 2;
		}
	}

	/** The amount rounded to the currency's minor unit. */
	public static BigDecimal round(BigDecimal amount, String currencyCode) {
		return amount == null ? null : amount.setScale(of(currencyCode), ROUNDING);
	}

	/**
	 * A share of an amount: {@code amount × percent / 100}, rounded once to the
	 * currency's minor unit.
	 */
	public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, String currencyCode) {
		return amount.multiply(percent).divide(BigDecimal.valueOf(100), of(currencyCode), ROUNDING);
	}

	/**
	 * A rate of a share of an amount:
	 * {@code amount × percent / 100 × sharePercent / 100}, rounded once to the currency's
	 * minor unit (a referral bonus: the rate of the partner's credit share of a deal).
	 */
	public static BigDecimal percentOfShare(BigDecimal amount, BigDecimal percent, BigDecimal sharePercent,
			String currencyCode) {
		return amount.multiply(percent)
			.multiply(sharePercent)
			.divide(BigDecimal.valueOf(10_000), of(currencyCode), ROUNDING);
	}

	/**
	 * An amount converted with the rates of both currencies into the reporting currency:
	 * {@code amount × fromRate / toRate}, rounded once to the target currency's minor
	 * unit.
	 */
	public static BigDecimal convert(BigDecimal amount, BigDecimal fromRate, BigDecimal toRate, String toCurrency) {
		return amount.multiply(fromRate).divide(toRate, of(toCurrency), ROUNDING);
	}

}
