package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.shared.MinorUnits;

/**
 * One earning in the ledger and, once paid, the payout run that paid it.
 */
public record LedgerEntry(long id, long partnerId, long programId, String kind, Long opportunityId, String period,
		BigDecimal amount, String currency, String basis, Instant earnedAt, Long reversesId, Long paidInRun) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public LedgerEntry {
		amount = MinorUnits.round(amount, currency);
	}

}
