package com.trellis.adoption;

import java.math.BigDecimal;

/**
 * One rep's partner adoption over a period (deals created in it; win rates and cycles for
 * deals closed in it).
 */
public record RepAdoption(long repId, String rep, long deals, long partnerDeals, long adopted, long compliant,
		long registrations, BigDecimal winRateWithPartner, BigDecimal winRateWithout, BigDecimal cycleDaysWithPartner,
		BigDecimal cycleDaysWithout) {

	public BigDecimal partnerShare() {
		return this.deals == 0 ? null : BigDecimal.valueOf(100 * this.partnerDeals)
			.divide(BigDecimal.valueOf(this.deals), 1, java.math.RoundingMode.HALF_UP);
	}

}
