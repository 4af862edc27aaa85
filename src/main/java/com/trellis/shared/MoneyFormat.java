package com.trellis.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Shows an amount with its currency and the currency's own minor unit ("JPY 1,235", "USD
 * 1,234.57"), rounded by {@link MinorUnits}. Pages call it as
 * {@code @money.format(amount,
 * currency)}.
 */
@Component("money")
public class MoneyFormat {

	public String format(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		int decimals = MinorUnits.of(currency);
		var pattern = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		return currency + " " + pattern.format(MinorUnits.round(amount, currency));
	}

}
