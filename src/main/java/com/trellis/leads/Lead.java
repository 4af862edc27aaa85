package com.trellis.leads;

import java.time.Instant;

import com.trellis.shared.InvalidInputException;

/**
 * A stored lead. Its moves guard themselves: only a lead not yet decided is (re)routed,
 * only a lead with a rep is accepted or declined, and the first follow-up is recorded
 * once, on a lead with a rep that was not declined.
 */
record Lead(LeadView view) {

	long id() {
		return this.view.id();
	}

	void checkRoutable() {
		if (this.view.status() != LeadStatus.SUBMITTED && this.view.status() != LeadStatus.ROUTED) {
			throw InvalidInputException.of("status",
					"the lead was " + this.view.status().label().toLowerCase() + " already and is not routed again");
		}
	}

	void checkDecidable() {
		if (this.view.status() != LeadStatus.ROUTED) {
			throw InvalidInputException.of("status",
					this.view.status() == LeadStatus.SUBMITTED ? "the lead has no rep yet"
							: "the lead was " + this.view.status().label().toLowerCase() + " already");
		}
	}

	/**
	 * Refuses a follow-up; a first one recorded already is named in the business zone.
	 */
	void checkFollowUp(java.time.ZoneId zone) {
		if (this.view.status() != LeadStatus.ROUTED && this.view.status() != LeadStatus.ACCEPTED) {
			throw InvalidInputException.of("status", this.view.status() == LeadStatus.SUBMITTED
					? "the lead has no rep yet" : "a declined lead is not followed up");
		}
		if (this.view.firstFollowUpAt() != null) {
			throw InvalidInputException.of("followedUpAt",
					"the first follow-up was recorded already, on " + java.time.format.DateTimeFormatter
						.ofPattern("yyyy-MM-dd 'at' HH:mm", java.util.Locale.ROOT)
						.format(this.view.firstFollowUpAt().atZone(zone)) + " (" + zone.getId() + ")");
		}
	}

	boolean routedTo(long userId) {
		return this.view.repId() != null && this.view.repId() == userId;
	}

	Instant due() {
		return this.view.followUpDueAt();
	}

}
