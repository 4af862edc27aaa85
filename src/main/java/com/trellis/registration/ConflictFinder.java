package com.trellis.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.deals.Deals;
import com.trellis.matching.CompanyMatcher;
import com.trellis.matching.Match;
import com.trellis.registration.ConflictCandidate.Kind;
import com.trellis.registration.ConflictRepository.Found;

import org.springframework.stereotype.Component;

/**
 * Finds what already holds a customer: open registrations of any partner and open deals
 * on matching accounts. The database narrows the candidates: for registrations the same
 * registrable domain or name shape, which every match shares (trigram similarity misses
 * swapped letters); for accounts the same domain or a similar name by trigrams.
 * {@link CompanyMatcher} decides (automatic matches only).
 */
@Component
class ConflictFinder {

	private static final int CANDIDATES = 50;

	private static final Match SAME_ACCOUNT = new Match(Match.Kind.NAME, 1.0, Match.Confidence.AUTOMATIC,
			"the same account");

	private final ConflictRepository registrations;

	private final Accounts accounts;

	private final Deals deals;

	private final ConflictClaims claims;

	ConflictFinder(ConflictRepository registrations, Accounts accounts, Deals deals, ConflictClaims claims) {
		this.registrations = registrations;
		this.accounts = accounts;
		this.deals = deals;
		this.claims = claims;
	}

	/**
	 * Everything holding the customer, for a caller that holds the customer's lock
	 * already.
	 */
	List<ConflictCandidate> find(Customer customer, Long accountId) {
		var found = new ArrayList<>(registrations(customer, search(customer)));
		found.addAll(deals(customer, accountId));
		return found;
	}

	/**
	 * Searches the customer's open registrations without its lock: the expensive part
	 * (the trigram index, every candidate's name compared), so registrations of other
	 * customers sharing a lock key do not wait for it. Only
	 * {@link #registrations(Customer, Found)} under the lock makes candidates of it.
	 */
	Found search(Customer customer) {
		return this.registrations.openMatching(customer,
				other -> CompanyMatcher.match(customer.company(), other.company()).isPresent());
	}

	/** As {@link #search(Customer)}, read when the caller sends its pipeline. */
	java.util.function.Supplier<Found> search(com.trellis.shared.SqlPipeline pipeline, Customer customer) {
		return this.registrations.openMatching(pipeline, customer,
				other -> CompanyMatcher.match(customer.company(), other.company()).isPresent());
	}

	/**
	 * Open registrations of the customer, under its lock: those the search found, read
	 * again as they are now, and those registered since the search's snapshot, which it
	 * could not see. Only these change with the registrations racing for the customer, so
	 * the candidates are the same as a search under the lock would find.
	 */
	List<ConflictCandidate> registrations(Customer customer, Found searched) {
		return candidates(customer, this.registrations.openMatchingSince(customer, searched));
	}

	/**
	 * Takes the customer's locks ({@link CustomerLocks}) and reads what
	 * {@link #registrations(Customer, Found)} reads under them, in one round trip.
	 */
	List<ConflictCandidate> lockThenRegistrations(Customer customer, Found searched) {
		return candidates(customer,
				this.registrations.lockAndOpenMatchingSince(CustomerLocks.keys(customer), customer, searched));
	}

	/**
	 * Takes the customer's locks and reads, of the registrations
	 * {@link #lockThenRegistrations} finds, how many there are and those that may decide
	 * for a registration of the partner ({@link ConflictClaims}), in one round trip: the
	 * same decision, claims recorded and count from a few rows.
	 */
	ConflictClaims.Claims lockThenClaims(Customer customer, Found searched, long partnerId) {
		return this.claims.lockAndRead(CustomerLocks.keys(customer), customer, searched, partnerId);
	}

	private static List<ConflictCandidate> candidates(Customer customer, List<RegistrationRepository.Row> rows) {
		var found = new ArrayList<ConflictCandidate>();
		for (var row : rows) {
			CompanyMatcher.match(customer.company(), row.customer().company()).ifPresent(match -> {
				var view = row.view();
				found.add(new ConflictCandidate(Kind.REGISTRATION, view.id(), view.partnerId(), view.status(),
						view.submittedAt(), view.protectionEndsAt(), match));
			});
		}
		return found;
	}

	/**
	 * Records the claims, in their order; one recorded for the registration before is not
	 * recorded twice.
	 */
	void record(long registrationId, List<ConflictCandidate> candidates, java.time.Instant at) {
		this.registrations.recordConflicts(registrationId, candidates, at);
	}

	/** The claims recorded against a registration, in the order they were found. */
	List<ConflictView> recorded(long registrationId) {
		return this.registrations.conflicts(registrationId);
	}

	/** How many claims were found in all; null for registrations recorded before V94. */
	Integer found(long registrationId) {
		return this.registrations.conflictsFound(registrationId);
	}

	/** Open deals on the accounts that match the customer (or on the account named). */
	List<ConflictCandidate> deals(Customer customer, Long accountId) {
		var name = customer.normalizedName();
		return deals(customer, accountId, this.accounts.customerCandidatesByWords(customer.registrableDomain(), name,
				name == null ? null : CustomerLocks.leadWord(name),
				name == null ? null : CustomerLocks.secondWord(name), CustomerLocks.WORD_SIMILARITY, CANDIDATES));
	}

	/**
	 * The accounts that may be the customer, read when the caller sends its pipeline, for
	 * {@link #deals(Customer, Long, List)}.
	 */
	java.util.function.Supplier<List<com.trellis.accounts.CustomerRecord>> accounts(
			com.trellis.shared.SqlPipeline pipeline, Customer customer) {
		var name = customer.normalizedName();
		return this.accounts.customerCandidatesByWords(pipeline, customer.registrableDomain(), name,
				name == null ? null : CustomerLocks.leadWord(name),
				name == null ? null : CustomerLocks.secondWord(name), CustomerLocks.WORD_SIMILARITY, CANDIDATES);
	}

	/**
	 * As {@link #deals(Customer, Long)}, with the accounts that may be the customer read
	 * before ({@link #accounts}).
	 */
	List<ConflictCandidate> deals(Customer customer, Long accountId,
			List<com.trellis.accounts.CustomerRecord> accounts) {
		var found = new ArrayList<ConflictCandidate>();
		var matches = new HashMap<Long, Match>();
		for (var account : accounts) {
			var other = new Customer(account.name(), account.registrableDomain(), account.normalizedName());
			if (accountId != null && accountId == account.accountId()) {
				matches.put(account.accountId(), SAME_ACCOUNT);
			}
			else {
				CompanyMatcher.match(customer.company(), other.company())
					.ifPresent(match -> matches.put(account.accountId(), match));
			}
		}
		if (accountId != null && !matches.containsKey(accountId)) {
			matches.put(accountId, SAME_ACCOUNT);
		}
		for (var deal : this.deals.openClaimsOnAccounts(List.copyOf(matches.keySet()))) {
			found.add(new ConflictCandidate(Kind.OPPORTUNITY, deal.id(), deal.partnerId(), null, deal.createdAt(), null,
					matches.get(deal.accountId())));
		}
		return found;
	}

}
