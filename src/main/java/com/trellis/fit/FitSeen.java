package com.trellis.fit;

import com.trellis.identity.SeenRecord;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * A deal's partner fit is for vendor staff: a partner user who may see the deal is told
 * 404 for its fit, as {@link PartnerFits#forDeal} says, before any parameter of the read
 * is bound (session 63: an unknown parameter was named with 400 first). The deal's own
 * rule (seeing the deal) runs before this one.
 */
@Component
class FitSeen extends SeenRecord {

	FitSeen() {
		super((viewer, id) -> {
			if (viewer.isPartnerUser()) {
				throw new NotFoundException("Opportunity", id);
			}
		}, "/api/v1/opportunities/{id}/partner-fit", "/opportunities/{id}/partner-fit");
	}

}
