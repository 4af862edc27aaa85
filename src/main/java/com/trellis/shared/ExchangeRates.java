package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The program's exchange rates into the reporting currency. Implemented by the module
 * that keeps them ({@code metrics}), so that {@code shared} depends on no module.
 */
public interface ExchangeRates {

	Optional<BigDecimal> toReporting(String currency);

}
