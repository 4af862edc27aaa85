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
 * neighbouring letters of its {@linkplain #leadWord lead word} crossed with each pair of
 * its next long word: two near-identical spellings of a word always keep a pair of
 * letters in common, while unrelated names of the same shape ("Bacedi Analytics", "Zorumi
 * Logistics", "Bacoru Freight") rarely do in both words, so they do not wait for each
 * other. All keys are taken in one statement, in one sorted order, also when several
 * customers are locked at once, so two transactions never wait on each other in a circle.
 */
@Component
class CustomerLocks {

	private final ConflictRepository registrations;

	CustomerLocks(ConflictRepository registrations) {
		this.registrations = registrations;
	}

	/**
	 * The one trigram threshold (PostgreSQL's {@code pg_trgm}) of the conflict check's
	 * candidate searches by name, for open registrations and for accounts alike: how
	 * similar two long words the matcher takes for one are at least. Two letters swapped
	 * in a five-letter word ("abcde", "bacde") keep two of ten trigrams, 0.2. Each search
	 * sets it in its own statement, so neither depends on what ran before it in the
	 * transaction.
	 */
	static final double WORD_SIMILARITY = CompanyMatcher.CANDIDATE_WORD_SIMILARITY;

	void lock(Customer... customers) {
		this.registrations.lockCustomers(keys(customers));
	}

	/**
	 * The keys of the customers: the registrable domain (a domain match) and, for a name
	 * match, the shape of the normalised name with each pair of neighbouring letters of
	 * its lead word, crossed with each pair of the next word the shape writes as
	 * {@code *} when there is one (the shape alone when there is no such word). The
	 * matcher asks every long word of two names to be near-identical, so two names it
	 * takes for one keep a pair in common in each of the two words, hence a key; names
	 * that share only a pair in the lead word ("Bacedi Analytics", "Bacoru Freight") no
	 * longer wait for each other.
	 */
	static SortedSet<String> keys(Customer... customers) {
		var keys = new TreeSet<String>();
		for (var customer : customers) {
			if (customer.registrableDomain() != null) {
				keys.add("domain:" + customer.registrableDomain());
			}
			if (customer.normalizedName() != null) {
				var shape = shape(customer.normalizedName());
				var longWords = longWords(customer.normalizedName());
				if (longWords.isEmpty()) {
					keys.add("shape:" + shape);
				}
				else {
					var second = longWords.size() > 1 ? pairs(longWords.get(1)) : java.util.List.of("");
					for (var first : pairs(longWords.get(0))) {
						for (var next : second) {
							keys.add("shape:" + shape + "|" + first + (next.isEmpty() ? "" : "|" + next));
						}
					}
				}
			}
		}
		return keys;
	}

	private static java.util.List<String> pairs(String word) {
		var pairs = new java.util.ArrayList<String>();
		for (int i = 0; i + 1 < word.length(); i++) {
			pairs.add(word.substring(i, i + 2));
		}
		return pairs;
	}

	/**
	 * The words of the name the shape writes as {@code *}, in order
	 * ({@link CompanyMatcher#longWords}).
	 */
	private static java.util.List<String> longWords(String normalizedName) {
		return CompanyMatcher.longWords(normalizedName);
	}

	/**
	 * The first word of the name the shape writes as {@code *} (longer than three
	 * letters, not starting with a digit), or null when there is none; the same as the
	 * database's {@code registration_lead_word} (V168).
	 */
	static String leadWord(String normalizedName) {
		for (var word : normalizedName.split(" ")) {
			if (!exact(word)) {
				return word;
			}
		}
		return null;
	}

	/**
	 * The second word of the name the shape writes as {@code *}, or null when there is
	 * none; the same as the database's {@code registration_second_word} (V168).
	 */
	static String secondWord(String normalizedName) {
		var words = longWords(normalizedName);
		return words.size() > 1 ? words.get(1) : null;
	}

	private static boolean exact(String word) {
		return !CompanyMatcher.mayDiffer(word);
	}

	/**
	 * What every spelling the matcher takes for this name has in common: the same number
	 * of words, and in each place the same word of up to three letters or word starting
	 * with a digit; a longer word may be spelt any near-identical way, first letter
	 * included, so it stands as {@code *}. A four-letter word stands as {@code *} too:
	 * the matcher takes it for a five-letter word one letter longer ("Watr", "Water"),
	 * though two four-letter words only when identical. "Cyberdyne Robotics" and
	 * "Syberdyne Robotics" are both {@code * *}, and so is "ACME Labs"; "City of
	 * Westfield" is {@code * of *}. Coarse on purpose: no finer key is shared by every
	 * matching pair. The same as the database's {@code registration_name_shape} (V168),
	 * which the stored {@code name_shape} of the registrations and of
	 * {@code registration_name} equal.
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
