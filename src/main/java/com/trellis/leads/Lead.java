package com.trellis.leads;

import java.time.Instant;

import com.trellis.shared.ConflictException;

/**
 * A stored lead. Its moves guard themselves: only a lead not yet decided is (re)routed,
 * only a lead with a rep is accepted or declined, and the first follow-up is recorded
 * once, on a lead with a rep that was not declined; any other is a conflict with the
 * lead's state (409), refused after the request's own input is checked.
 */
record Lead(LeadView view) {

	long id() {
		return this.view.id();
	}

	/** Why the lead is not (re)routed in its state, or null: it was decided already. */
	ConflictException routingConflict() {
		if (this.view.status() != LeadStatus.SUBMITTED && this.view.status() != LeadStatus.ROUTED) {
			return new ConflictException("status",
					"the lead was " + this.view.status().label().toLowerCase() + " already and is not routed again");
		}
		return null;
	}

	void checkDecidable() {
		var conflict = decisionConflict();
		if (conflict != null) {
			throw conflict;
		}
	}

	/**
	 * Why the lead is not accepted or declined in its state, or null: it has no rep yet,
	 * or was decided already.
	 */
	ConflictException decisionConflict() {
		if (this.view.status() != LeadStatus.ROUTED) {
			return new ConflictException("status",
					this.view.status() == LeadStatus.SUBMITTED ? "the lead has no rep yet"
							: "the lead was " + this.view.status().label().toLowerCase() + " already");
		}
		return null;
	}

	/**
	 * Why no first follow-up is recorded in the lead's state, or null; a first one
	 * recorded already is named in the business zone.
	 */
	ConflictException followUpConflict(java.time.ZoneId zone) {
		if (this.view.status() != LeadStatus.ROUTED && this.view.status() != LeadStatus.ACCEPTED) {
			return new ConflictException("status", this.view.status() == LeadStatus.SUBMITTED
					? "the lead has no rep yet" : "a declined lead is not followed up");
		}
		if (this.view.firstFollowUpAt() != null) {
			return new ConflictException("followedUpAt",
					"the first follow-up was recorded already, on " + java.time.format.DateTimeFormatter
						.ofPattern("yyyy-MM-dd 'at' HH:mm", java.util.Locale.ROOT)
						.format(this.view.firstFollowUpAt().atZone(zone)) + " (" + zone.getId() + ")");
		}
		return null;
	}

	boolean routedTo(long userId) {
		return this.view.repId() != null && this.view.repId() == userId;
	}

	Instant due() {
		return this.view.followUpDueAt();
	}

}
