package com.trellis.leads;

import java.time.Instant;

import com.trellis.shared.ConflictException;

/**
 * A stored lead. Its moves guard themselves: only a lead not yet decided nor followed up
 * is (re)routed, and never to the rep it is with; only a lead with a rep is accepted or
 * declined, and the first follow-up is recorded once, on a lead with a rep that was not
 * declined; any other is a conflict with the lead's state (409), refused after the
 * request's own input is checked.
 */
record Lead(LeadView view) {

	long id() {
		return this.view.id();
	}

	/**
	 * Why the lead is not (re)routed to {@code repId} in its state, or null: it was
	 * decided already, its rep followed it up already (the follow-up stays theirs), or it
	 * is with that rep already (routing it again would push its deadline back).
	 */
	ConflictException routingConflict(Long repId) {
		if (this.view.status() != LeadStatus.SUBMITTED && this.view.status() != LeadStatus.ROUTED) {
			return new ConflictException("status",
					"the lead was " + this.view.status().label().toLowerCase() + " already and is not routed again");
		}
		if (this.view.firstFollowUpAt() != null) {
			return new ConflictException("followedUpAt",
					"the lead was followed up already and stays with its rep, who is counted for it");
		}
		if (repId != null && routedTo(repId)) {
			return new ConflictException("repId", "the lead is routed to this rep already");
		}
		return null;
	}

	/**
	 * Whether the lead is with a rep whose deadline passed at {@code now} without a
	 * follow-up: routed elsewhere, it stays counted as missed for that rep.
	 */
	boolean missedAt(Instant now) {
		return this.view.status() == LeadStatus.ROUTED && this.view.firstFollowUpAt() == null
				&& this.view.followUpDueAt() != null && now.isAfter(this.view.followUpDueAt());
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
