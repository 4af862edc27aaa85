package com.trellis.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The values of a marketplace transaction as an import writes them; the caller checked
 * each (partner in scope, single-line texts, amount and its currency's decimals, a
 * currency with an exchange rate, a day in the window and not in the future).
 */
public record TransactionValues(long partnerId, String customer, String listing, BigDecimal amount, String currency,
		LocalDate transactedOn) {

	/** The amount at its currency's minor unit (the importer refused more decimals). */
	public TransactionValues {
		amount = com.trellis.shared.MinorUnits.round(amount, currency);
	}

}
