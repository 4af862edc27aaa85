package com.trellis.registration;

import java.time.Instant;

import com.trellis.matching.Match;

/**
 * Something already holding a matching customer: an open registration or an open
 * opportunity.
 *
 * @param kind registration or opportunity
 * @param id its id
 * @param partnerId the partner on it, null for a direct opportunity
 * @param status for a registration, its status
 * @param since when it was submitted or created
 * @param protectionEndsAt for a registration, the end of its protection
 * @param match why it matches
 */
record ConflictCandidate(Kind kind, long id, Long partnerId, RegistrationStatus status, Instant since,
		Instant protectionEndsAt, Match match) {

	boolean protects() {
		return this.kind == Kind.OPPORTUNITY ? this.partnerId != null
				: RegistrationStatus.PROTECTING.contains(this.status);
	}

	enum Kind {

		REGISTRATION, OPPORTUNITY

	}

}
