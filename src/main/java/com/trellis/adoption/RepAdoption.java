package com.trellis.adoption;

import java.math.BigDecimal;

import com.trellis.shared.Percent;
import com.trellis.leads.LeadFigures;

/**
 * One rep's partner adoption over a period (deals created in it; win rates and cycles for
 * deals closed in it; partner leads routed to the rep in it).
 */
public record RepAdoption(long repId, String rep, long deals, long partnerDeals, long adopted, long compliant,
		long registrations, BigDecimal winRateWithPartner, BigDecimal winRateWithout, BigDecimal cycleDaysWithPartner,
		BigDecimal cycleDaysWithout, LeadFigures leads) {

	RepAdoption withLeads(LeadFigures figures) {
		return new RepAdoption(this.repId, this.rep, this.deals, this.partnerDeals, this.adopted, this.compliant,
				this.registrations, this.winRateWithPartner, this.winRateWithout, this.cycleDaysWithPartner,
				this.cycleDaysWithout, figures);
	}

	public BigDecimal partnerShare() {
		return Percent.of(BigDecimal.valueOf(this.partnerDeals), BigDecimal.valueOf(this.deals));
	}

}
