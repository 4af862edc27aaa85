package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.MinorUnits;

/**
 * A deal opened from an approved registration, with its credit already decided.
 */
public record RegisteredDeal(long accountId, String name, BigDecimal amount, String currency, LocalDate closeDate,
		long ownerId, long partnerId, CreditType creditType, BigDecimal partnerShare) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public RegisteredDeal {
		amount = MinorUnits.round(amount, currency);
	}

}
