package com.trellis.shared.validation;

/**
 * Whether the program has an exchange rate for a currency. Amounts in a currency without
 * a rate would silently drop out of every KPI and the forecast, so commands refuse such
 * currencies. Implemented by the module that keeps the rates ({@code metrics}), so that
 * {@code shared} depends on no module.
 */
public interface CurrencyRates {

	boolean hasRate(String currency);

}
