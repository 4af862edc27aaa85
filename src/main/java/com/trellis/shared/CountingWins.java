package com.trellis.shared;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that says whether a won deal's amount counts ({@link DealAmountFloor}
 * with the configured minimum and the program's exchange rates), for incentives, the
 * activation plan's first win and the KPIs' first revenue. An amount in a currency
 * without a rate is taken as it is.
 */
@Component
public class CountingWins {

	private final BigDecimal minimum;

	private final ExchangeRates rates;

	CountingWins(@Value("${trellis.incentives.minimum-deal-amount:0}") BigDecimal minimum, ExchangeRates rates) {
		this.minimum = minimum;
		this.rates = rates;
	}

	/** Whether a won deal of this amount counts, and why. */
	public DealAmountFloor.Decision decide(BigDecimal amount, String currency) {
		return decide(amount, currency, conversions());
	}

	/**
	 * Whether a won deal counts, converted with the conversions of one calculation (each
	 * rate read once for many deals).
	 */
	public DealAmountFloor.Decision decide(BigDecimal amount, String currency, Conversions conversions) {
		var converted = conversions.toReporting(amount, currency).orElse(amount);
		return DealAmountFloor.decide(converted, this.minimum, ReportingCurrency.CODE);
	}

	public boolean counts(BigDecimal amount, String currency) {
		return decide(amount, currency).counts();
	}

	public boolean counts(BigDecimal amount, String currency, Conversions conversions) {
		return decide(amount, currency, conversions).counts();
	}

	/** Conversions for one calculation over many deals. */
	public Conversions conversions() {
		return new Conversions(this.rates);
	}

	/**
	 * The same rule as SQL, for a deal amount and its rate into the reporting currency
	 * (null when the currency has none), e.g. {@code sql("o.amount", "fx.to_reporting")}.
	 */
	public String sql(String amount, String rate) {
		return "(" + amount + " > 0 AND " + ReportingCurrency.converted(amount, "COALESCE(" + rate + ", 1)") + " >= "
				+ this.minimum.toPlainString() + ")";
	}

}
