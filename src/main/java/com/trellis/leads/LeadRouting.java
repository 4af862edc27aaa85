package com.trellis.leads;

import java.util.Comparator;
import java.util.List;

/**
 * Who a new lead goes to. The owner of the matching account gets it: an account with the
 * same registrable domain first, else one with the same normalised company name (lowest
 * account id when several match). Without a matching account that has an active owner,
 * the lead waits for the partner's PAM to pick a rep.
 */
final class LeadRouting {

	private LeadRouting() {
	}

	static Decision decide(String registrableDomain, String normalizedName, List<Candidate> candidates) {
		var byDomain = candidates.stream()
			.filter(c -> registrableDomain != null && registrableDomain.equals(c.registrableDomain()))
			.min(Comparator.comparingLong(Candidate::accountId));
		var byName = candidates.stream()
			.filter(c -> normalizedName != null && normalizedName.equals(c.normalizedName()))
			.min(Comparator.comparingLong(Candidate::accountId));
		var match = byDomain.isPresent() ? byDomain : byName;
		if (match.isEmpty()) {
			return new Decision(null, null, "No account matches the company; the partner manager picks a rep");
		}
		var account = match.get();
		var how = byDomain.isPresent() ? "the same web domain " + registrableDomain
				: "the same company name as account " + account.name();
		if (account.ownerId() == null) {
			return new Decision(account.accountId(), null, "Account " + account.name() + " matches by " + how
					+ " but has no owner; the partner manager picks a rep");
		}
		if (!account.ownerActive()) {
			return new Decision(account.accountId(), null, "Account " + account.name() + " matches by " + how
					+ " but its owner is deactivated; the partner manager picks a rep");
		}
		return new Decision(account.accountId(), account.ownerId(),
				"Routed to the owner of account " + account.name() + ", which matches by " + how);
	}

	/**
	 * An account that may be the lead's company, with its owner (null when none) and
	 * whether that owner is an active user (a deactivated owner is never routed to).
	 */
	record Candidate(long accountId, String name, String registrableDomain, String normalizedName, Long ownerId,
			boolean ownerActive) {

		Candidate(long accountId, String name, String registrableDomain, String normalizedName, Long ownerId) {
			this(accountId, name, registrableDomain, normalizedName, ownerId, true);
		}

	}

	/**
	 * The matching account (null when none), the rep (null when the PAM must pick one),
	 * and why.
	 */
	record Decision(Long accountId, Long repId, String reason) {

		boolean routed() {
			return this.repId != null;
		}

	}

}
