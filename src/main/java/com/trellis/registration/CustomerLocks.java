package com.trellis.registration;

import java.util.SortedSet;
import java.util.TreeSet;

import com.trellis.matching.CompanyMatcher;

import org.springframework.stereotype.Component;

/**
 * Serialises everything that decides who holds a customer (registering, and promoting the
 * registrations held behind one that lapsed) with transaction-scoped advisory locks. Any
 * two customers {@link CompanyMatcher} calls the same share a key, so of two simultaneous
 * registrations of one customer the second waits, then sees the first. The keys are the
 * registrable domain and, for the name, its {@linkplain #shape shape} with each pair of
 * neighbouring letters of its {@linkplain #leadWord lead word}: two near-identical
 * spellings of a word always keep a pair of letters in common, while unrelated names of
 * the same shape ("Bacedi Analytics", "Zorumi Logistics") rarely do, so they no longer
 * wait for each other. All keys are taken in one statement, in one sorted order, also
 * when several customers are locked at once, so two transactions never wait on each other
 * in a circle.
 */
@Component
class CustomerLocks {

	private final RegistrationRepository registrations;

	CustomerLocks(RegistrationRepository registrations) {
		this.registrations = registrations;
	}

	/**
	 * How similar by trigrams (PostgreSQL's {@code pg_trgm}) two lead words the matcher
	 * takes for one are at least: two letters swapped in a five-letter word ("abcde",
	 * "bacde") keep two of ten trigrams, 0.2.
	 */
	static final double LEAD_WORD_SIMILARITY = 0.15;

	void lock(Customer... customers) {
		this.registrations.lockCustomers(keys(customers));
	}

	/**
	 * The keys of the customers: the registrable domain (a domain match) and, for a name
	 * match, the shape of the normalised name with each pair of neighbouring letters of
	 * its lead word (the shape alone when it has none).
	 */
	static SortedSet<String> keys(Customer... customers) {
		var keys = new TreeSet<String>();
		for (var customer : customers) {
			if (customer.registrableDomain() != null) {
				keys.add("domain:" + customer.registrableDomain());
			}
			if (customer.normalizedName() != null) {
				var shape = shape(customer.normalizedName());
				var lead = leadWord(customer.normalizedName());
				if (lead == null) {
					keys.add("shape:" + shape);
				}
				else {
					for (int i = 0; i + 1 < lead.length(); i++) {
						keys.add("shape:" + shape + "|" + lead.substring(i, i + 2));
					}
				}
			}
		}
		return keys;
	}

	/**
	 * The first word of the name the shape writes as {@code *} (longer than four letters,
	 * not starting with a digit), or null when there is none; the same as the database's
	 * {@code registration_lead_word}.
	 */
	static String leadWord(String normalizedName) {
		for (var word : normalizedName.split(" ")) {
			if (!exact(word)) {
				return word;
			}
		}
		return null;
	}

	private static boolean exact(String word) {
		return word.length() <= CompanyMatcher.SHORT_WORD || Character.isDigit(word.charAt(0));
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
			shape.append(exact(word) ? word : "*");
		}
		return shape.toString();
	}

}
