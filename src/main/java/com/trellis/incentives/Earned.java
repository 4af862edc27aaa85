package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.shared.MinorUnits;

/**
 * What a rule decided a partner earns, and why.
 */
record Earned(String sourceKey, Long opportunityId, String period, BigDecimal amount, String currency, String basis) {

	/** The amount at its currency's minor unit: what is written, paid and announced. */
	Earned {
		amount = MinorUnits.round(amount, currency);
	}

}
