package com.trellis.registration;

import java.util.Optional;

import com.trellis.accounts.CustomerRecord;

/**
 * Conflict detection's customer matcher ({@link CustomerMatcher}) for other modules: data
 * hygiene asks it whether two accounts are one customer, so there is one definition of
 * "the same customer" in Trellis.
 */
public final class SameCustomer {

	private SameCustomer() {
	}

	/** Why the two accounts are the same customer, or empty when they are not. */
	public static Optional<String> reason(CustomerRecord a, CustomerRecord b) {
		return CustomerMatcher
			.match(new Customer(a.name(), a.registrableDomain(), a.normalizedName()),
					new Customer(b.name(), b.registrableDomain(), b.normalizedName()))
			.map(CustomerMatcher.Match::reason);
	}

}
