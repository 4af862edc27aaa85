package com.trellis.search;

import java.util.List;

/**
 * What a viewer's search may return, as the modules that own the records decide it: a
 * partner user only its own partner and that partner's deals, registrations and leads,
 * and no customer accounts; vendor staff every partner, account, deal and registration;
 * leads as the leads module scopes them (an AE those routed to them, a sales manager
 * their team's, a PAM their book's, admins and executives all).
 *
 * @param partnerId the one partner everything must belong to, or null for any
 * @param accounts whether customer accounts may be found
 * @param leadReps the reps whose routed leads may be found, or null for no such limit
 * @param leadPartners the partners whose leads may be found, or null for no such limit
 */
record SearchScope(Long partnerId, boolean accounts, List<Long> leadReps, List<Long> leadPartners) {

	static SearchScope partner(long partnerId) {
		return new SearchScope(partnerId, false, null, null);
	}

	static SearchScope staff(List<Long> leadReps, List<Long> leadPartners) {
		return new SearchScope(null, true, leadReps, leadPartners);
	}

	/** Whether no lead can be found at all (a rep list or a book that is empty). */
	boolean noLeads() {
		return this.leadReps != null && this.leadReps.isEmpty()
				|| this.leadPartners != null && this.leadPartners.isEmpty();
	}

}
