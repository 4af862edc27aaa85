package com.trellis.shared;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one conversion of amounts between currencies in Java (SQL converts with
 * {@link ReportingCurrency#converted}): with the program's exchange rates, each amount
 * rounded once to the target currency's minor unit ({@link MinorUnits#convert}), so that
 * amounts in different currencies are compared, summed and ranked only after a
 * conversion. Each currency's rate is read once per instance: make one per calculation.
 */
public final class Conversions {

	private final ExchangeRates rates;

	private final Map<String, Optional<BigDecimal>> cache = new HashMap<>();

	public Conversions(ExchangeRates rates) {
		this.rates = rates;
	}

	/** The amount in the target currency, or empty when either has no rate. */
	public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
		if (from.equals(to)) {
			return Optional.of(MinorUnits.round(amount, to));
		}
		var fromRate = rate(from);
		var toRate = rate(to);
		if (fromRate.isEmpty() || toRate.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(MinorUnits.convert(amount, fromRate.get(), toRate.get(), to));
	}

	public Optional<BigDecimal> toReporting(BigDecimal amount, String from) {
		return convert(amount, from, ReportingCurrency.CODE);
	}

	private Optional<BigDecimal> rate(String currency) {
		return this.cache.computeIfAbsent(currency, this.rates::toReporting);
	}

}
