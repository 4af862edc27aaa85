package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.deals.CreditType;
import com.trellis.shared.MinorUnits;

/**
 * A closed-won partner deal as the incentive rules see it.
 */
record WonDeal(long id, BigDecimal amount, String currency, CreditType creditType, Instant closedAt) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	WonDeal {
		amount = MinorUnits.round(amount, currency);
	}

}
