package com.trellis.shared.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured bounds of values: the largest money amount
 * ({@code trellis.money.max-amount}) and the window of business dates such as close and
 * onboarding dates ({@code trellis.dates.earliest}, {@code trellis.dates.latest}).
 */
@Component
public class ValueLimits {

	public static final ValueLimits DEFAULTS = new ValueLimits(new BigDecimal("1000000000000.00"),
			LocalDate.of(1970, 1, 1), LocalDate.of(2100, 12, 31));

	private final BigDecimal maxAmount;

	private final LocalDate earliest;

	private final LocalDate latest;

	public ValueLimits(@Value("${trellis.money.max-amount:1000000000000.00}") BigDecimal maxAmount,
			@Value("${trellis.dates.earliest:1970-01-01}") LocalDate earliest,
			@Value("${trellis.dates.latest:2100-12-31}") LocalDate latest) {
		this.maxAmount = maxAmount;
		this.earliest = earliest;
		this.latest = latest;
	}

	/**
	 * The problem with an amount (negative, zero where it must be positive, beyond the
	 * maximum, more decimals than money is stored with), or empty. An amount whose
	 * currency is known is checked with
	 * {@link #amountProblem(BigDecimal, boolean, String)}, so that too many decimals are
	 * told the currency's own.
	 */
	public Optional<String> amountProblem(BigDecimal amount, boolean positive) {
		return boundsProblem(amount, positive).or(() -> CurrencyRule.decimalsProblem(amount, null));
	}

	/**
	 * The problem with an amount in a currency: its bounds, then more decimals than the
	 * currency has, however many ({@link CurrencyRule#decimalsProblem}); or empty.
	 */
	public Optional<String> amountProblem(BigDecimal amount, boolean positive, String currency) {
		return boundsProblem(amount, positive).or(() -> CurrencyRule.decimalsProblem(amount, currency));
	}

	/**
	 * The problem with an amount's bounds (negative, zero where it must be positive,
	 * beyond the maximum), its decimals aside; or empty.
	 */
	public Optional<String> boundsProblem(BigDecimal amount, boolean positive) {
		if (amount == null) {
			return Optional.empty();
		}
		if (positive && amount.signum() <= 0) {
			return Optional.of("must be more than zero");
		}
		if (amount.signum() < 0) {
			return Optional.of("must not be negative");
		}
		if (amount.compareTo(this.maxAmount) > 0) {
			return Optional.of("must be at most " + this.maxAmount.toPlainString());
		}
		return Optional.empty();
	}

	public Optional<String> dateProblem(LocalDate date) {
		if (date == null || (!date.isBefore(this.earliest) && !date.isAfter(this.latest))) {
			return Optional.empty();
		}
		return Optional.of("must be between " + this.earliest + " and " + this.latest);
	}

	public BigDecimal maxAmount() {
		return this.maxAmount;
	}

}
