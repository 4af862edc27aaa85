package com.trellis.registration;

import java.util.SortedSet;
import java.util.TreeSet;

import com.trellis.matching.CompanyMatcher;

import org.springframework.stereotype.Component;

/**
 * Serialises everything that decides who holds a customer (registering, and promoting the
 * registrations held behind one that lapsed) with transaction-scoped advisory locks. Any
 * two customers {@link CompanyMatcher} calls the same share a key, so of two simultaneous
 * registrations of one customer the second waits, then sees the first. Keys are taken in
 * one sorted order, also when several customers are locked at once, so two transactions
 * never wait on each other in a circle.
 */
@Component
class CustomerLocks {

	private final RegistrationRepository registrations;

	CustomerLocks(RegistrationRepository registrations) {
		this.registrations = registrations;
	}

	void lock(Customer... customers) {
		keys(customers).forEach(this.registrations::lockCustomer);
	}

	/**
	 * The keys of the customers: the registrable domain (a domain match) and the shape of
	 * the normalised name (a name match).
	 */
	static SortedSet<String> keys(Customer... customers) {
		var keys = new TreeSet<String>();
		for (var customer : customers) {
			if (customer.registrableDomain() != null) {
				keys.add("domain:" + customer.registrableDomain());
			}
			if (customer.normalizedName() != null) {
				keys.add("shape:" + shape(customer.normalizedName()));
			}
		}
		return keys;
	}

	/**
	 * What every spelling the matcher takes for this name has in common: the same number
	 * of words, and in each place the same short word (up to four letters) or word
	 * starting with a digit, which must match exactly; a longer word may be spelt any
	 * near-identical way, first letter included, so it stands as {@code *}. "Cyberdyne
	 * Robotics" and "Syberdyne Robotics" are both {@code * *}; "ACME Labs" is
	 * {@code acme labs}. Coarse on purpose: no finer key is shared by every matching
	 * pair.
	 */
	static String shape(String normalizedName) {
		var words = normalizedName.split(" ");
		var shape = new StringBuilder();
		for (var word : words) {
			if (shape.length() > 0) {
				shape.append(' ');
			}
			boolean exact = word.length() <= CompanyMatcher.SHORT_WORD || Character.isDigit(word.charAt(0));
			shape.append(exact ? word : "*");
		}
		return shape.toString();
	}

}
