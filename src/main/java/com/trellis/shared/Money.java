package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, kept to the currency's minor unit by the one rounding
 * rule ({@link MinorUnits}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = MinorUnits.round(amount, currency.getCurrencyCode());
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, Currency.getInstance(currencyCode));
	}

	public static Money zero(String currencyCode) {
		return of(BigDecimal.ZERO, currencyCode);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public String currencyCode() {
		return this.currency.getCurrencyCode();
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"Cannot combine " + this.currency + " with " + other.currency + " without a conversion");
		}
	}

	/** As a person reads it ({@link MoneyFormat}): {@code JPY 12,345}. */
	@Override
	public String toString() {
		return MoneyFormat.of(this.amount, this.currency.getCurrencyCode());
	}

}
