package com.trellis.leads;

import java.util.List;
import java.util.Objects;

import com.trellis.accounts.AccountCandidate;
import com.trellis.accounts.Accounts;
import com.trellis.identity.Users;

import org.springframework.stereotype.Component;

/**
 * The accounts a lead's company may be, for {@link LeadRouting}: found with their owners
 * in one statement ({@link Accounts#companyCandidates}: the same registrable domain, long
 * words similar by trigrams, names extended by whole words), and which owners are active
 * in one more. Before, the accounts came from a whole-name trigram search, and each one's
 * owner and whether that owner was active were read one account at a time (two statements
 * per candidate, up to 100).
 */
@Component
class LeadCandidates {

	/** Accounts compared with a lead's company: enough for a domain 50 accounts share. */
	static final int CANDIDATES = 50;

	private final Accounts accounts;

	private final Users users;

	LeadCandidates(Accounts accounts, Users users) {
		this.accounts = accounts;
		this.users = users;
	}

	List<LeadRouting.Candidate> of(String registrableDomain, String normalizedName) {
		var found = this.accounts.companyCandidates(registrableDomain, normalizedName, CANDIDATES);
		var active = this.users
			.enabledAmong(found.stream().map(AccountCandidate::ownerAeId).filter(Objects::nonNull).distinct().toList());
		return found.stream().map(c -> {
			var account = c.customer();
			var owner = c.ownerAeId();
			return new LeadRouting.Candidate(account.accountId(), account.name(), account.registrableDomain(),
					account.normalizedName(), owner, owner != null && active.contains(owner), account.country());
		}).toList();
	}

}
