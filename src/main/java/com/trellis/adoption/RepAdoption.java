package com.trellis.adoption;

import com.trellis.leads.LeadFigures;

/**
 * One rep's partner adoption over a period (deals created in it; win rates and cycles for
 * deals closed in it, from {@code closed}; partner leads routed to the rep in it); see
 * {@link AdoptionLine}. {@code team} is the team set on the rep's user, null for none.
 */
public record RepAdoption(long repId, String rep, String team, long deals, long partnerDeals, long adopted,
		long compliant, long registrations, ClosedCounts closed, LeadFigures leads) implements AdoptionLine {

	RepAdoption withLeads(LeadFigures figures) {
		return new RepAdoption(this.repId, this.rep, this.team, this.deals, this.partnerDeals, this.adopted,
				this.compliant, this.registrations, this.closed, figures);
	}

}
