package com.trellis.shared.validation;

import java.util.function.Supplier;

import com.trellis.shared.SqlPipeline;

/**
 * Whether the program has an exchange rate for a currency. Amounts in a currency without
 * a rate would silently drop out of every KPI and the forecast, so commands refuse such
 * currencies. Implemented by the module that keeps the rates ({@code metrics}), so that
 * {@code shared} depends on no module.
 */
public interface CurrencyRates {

	boolean hasRate(String currency);

	/**
	 * As {@link #hasRate(String)}, read with the caller's other reads when it sends its
	 * pipeline, so in its transaction and round trip; the supplier answers after the
	 * send.
	 * @param currency an ISO 4217 code (not null)
	 */
	default Supplier<Boolean> hasRate(SqlPipeline reads, String currency) {
		return () -> hasRate(currency);
	}

	/** What a command names for a currency without a rate. */
	static String noRate(String currency) {
		return "has no exchange rate: a program admin must add the rate for " + currency
				+ " before amounts in it can be entered";
	}

}
