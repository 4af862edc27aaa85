package com.trellis.leads;

import java.util.List;

import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;

/**
 * Who a new lead goes to: the owner of the one account the company matcher is sure of
 * ({@link BestMatch}: a web domain only one account has, or, when accounts share the
 * domain or none has it, the one account with the company's name). Without exactly one
 * sure match, or when that account has no active owner, the lead waits for the partner's
 * PAM to pick a rep.
 */
final class LeadRouting {

	private LeadRouting() {
	}

	static Decision decide(String identityDomain, String normalizedName, List<Candidate> candidates) {
		var decision = match(identityDomain, normalizedName, candidates);
		if (!decision.matched()) {
			var why = decision.possibles().isEmpty() ? "No account matches the company"
					: "No account matches the company surely (" + decision.reason() + ")";
			return new Decision(null, null, why + "; the partner manager picks a rep");
		}
		var account = decision.match();
		var how = decision.how().reason();
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
	 * The accounts a person chooses among when no account matches the company surely but
	 * more than one has its web domain or exactly its name (accounts sharing a domain, or
	 * a name); empty when there are fewer than two (then a deal is opened as ever: on the
	 * one account with the domain, else a new one). Only similar names are no match.
	 */
	static List<Candidate> undecided(String identityDomain, String normalizedName, List<Candidate> candidates) {
		var decision = match(identityDomain, normalizedName, candidates);
		if (decision.matched()) {
			return List.of();
		}
		var matching = decision.possibles()
			.stream()
			.map(BestMatch.Found::ref)
			.filter(c -> identityDomain != null && identityDomain.equals(c.registrableDomain())
					|| normalizedName != null && normalizedName.equals(c.normalizedName()))
			.sorted(java.util.Comparator.comparingLong(Candidate::accountId))
			.toList();
		return matching.size() > 1 ? matching : List.of();
	}

	private static BestMatch.Decision<Candidate> match(String identityDomain, String normalizedName,
			List<Candidate> candidates) {
		return BestMatch.among(new Company(null, identityDomain, normalizedName, null),
				candidates.stream()
					.map(c -> new BestMatch.Candidate<>(c,
							Company.stored(c.name(), c.registrableDomain(), c.normalizedName(), c.country())))
					.toList());
	}

	/**
	 * An account that may be the lead's company, with its owner (null when none) and
	 * whether that owner is an active user (a deactivated owner is never routed to).
	 */
	record Candidate(long accountId, String name, String registrableDomain, String normalizedName, Long ownerId,
			boolean ownerActive, String country) {

		Candidate(long accountId, String name, String registrableDomain, String normalizedName, Long ownerId,
				boolean ownerActive) {
			this(accountId, name, registrableDomain, normalizedName, ownerId, ownerActive, null);
		}

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
