package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.trellis.shared.ExchangeRates;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.ReportingCurrency;

/**
 * Converts amounts between currencies with the program's exchange rates, each amount
 * rounded once to the target currency's minor unit, so that amounts in different
 * currencies are compared, summed and ranked only after a conversion. Rates are read once
 * per instance: make one per calculation.
 */
final class Conversions {

	private final ExchangeRates rates;

	private final Map<String, Optional<BigDecimal>> cache = new HashMap<>();

	Conversions(ExchangeRates rates) {
		this.rates = rates;
	}

	/** The amount in the target currency, or empty when either has no rate. */
	Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
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

	Optional<BigDecimal> toReporting(BigDecimal amount, String from) {
		return convert(amount, from, ReportingCurrency.CODE);
	}

	private Optional<BigDecimal> rate(String currency) {
		return this.cache.computeIfAbsent(currency, this.rates::toReporting);
	}

}
