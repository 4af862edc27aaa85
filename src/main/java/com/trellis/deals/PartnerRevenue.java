package com.trellis.deals;

import java.math.BigDecimal;

import com.trellis.shared.MinorUnits;

/**
 * One closed-won partner deal's amount in its own currency, for revenue over a period.
 */
public record PartnerRevenue(long partnerId, String currency, BigDecimal amount, long opportunityId) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public PartnerRevenue {
		amount = MinorUnits.round(amount, currency);
	}

}
