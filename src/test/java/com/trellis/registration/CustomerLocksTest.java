package com.trellis.registration;

import java.util.Random;

import com.trellis.matching.CompanyMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerLocksTest {

	@ParameterizedTest(name = "{0} / {1} and {2} / {3} share a lock")
	@CsvSource(nullValues = "null",
			value = { "Cyberdyne Robotics, null, Syberdyne Robotics, null",
					"Kaleidoscope Ventures, null, Caleidoscope Ventures, null",
					"Northwind Traders Ltd, other.com, northwind traders, n.com",
					"Acme Corp., acme.co.uk, Totally Different, shop.acme.co.uk",
					"Contoso Pharmaceuticals, null, Contosso Pharmaceuticals, null",
					"Initech 2 Systems, null, Inytech 2 Systems, null" })
	void customersTheMatcherCallsOneShareALock(String nameA, String domainA, String nameB, String domainB) {
		var a = Customer.of(nameA, domainA);
		var b = Customer.of(nameB, domainB);
		assertThat(CompanyMatcher.match(a.company(), b.company())).isPresent();
		assertThat(CustomerLocks.keys(a)).containsAnyElementsOf(CustomerLocks.keys(b));
	}

	@Test
	void everyLookAlikeSpellingTheMatcherAcceptsSharesALockWithTheOriginal() {
		var random = new Random(42);
		int matched = 0;
		var unfound = new java.util.ArrayList<String>();
		for (int i = 0; i < 20_000; i++) {
			var original = name(random);
			var variant = misspelt(original, random);
			var a = Customer.of(original, null);
			var b = Customer.of(variant, null);
			if (CompanyMatcher.match(a.company(), b.company()).isPresent()) {
				matched++;
				assertThat(CustomerLocks.keys(a)).as("%s / %s", original, variant)
					.containsAnyElementsOf(CustomerLocks.keys(b));
				var leadA = CustomerLocks.leadWord(a.normalizedName());
				var leadB = CustomerLocks.leadWord(b.normalizedName());
				assertThat(CustomerLocks.shape(a.normalizedName())).isEqualTo(CustomerLocks.shape(b.normalizedName()));
				if (leadA != null && trigramSimilarity(leadA, leadB) < CustomerLocks.WORD_SIMILARITY) {
					unfound.add(original + " / " + variant);
				}
			}
		}
		// the sample must hold many matching pairs, or it proves nothing
		assertThat(matched).isGreaterThan(2_000);
		// the candidate search by trigrams of the lead word misses only spellings with
		// several letters swapped inside one long word, which Jaro-Winkler still accepts
		assertThat(unfound).as("matching pairs whose lead words are less similar than the search asks")
			.hasSizeLessThanOrEqualTo(matched / 200);
	}

	/**
	 * The candidate search asks the second long word to be similar too (V122): of the
	 * look-alike spellings the matcher accepts, as few are missed as by the lead word
	 * alone.
	 */
	@Test
	void everyLookAlikeSpellingTheMatcherAcceptsKeepsBothLongWordsSimilar() {
		var random = new Random(42);
		int matched = 0;
		int withSecond = 0;
		var unfound = new java.util.ArrayList<String>();
		for (int i = 0; i < 20_000; i++) {
			var original = name(random);
			var variant = misspelt(original, random);
			var a = Customer.of(original, null);
			var b = Customer.of(variant, null);
			if (CompanyMatcher.match(a.company(), b.company()).isPresent()) {
				matched++;
				var secondA = CustomerLocks.secondWord(a.normalizedName());
				var secondB = CustomerLocks.secondWord(b.normalizedName());
				assertThat(secondA == null).as("%s / %s", original, variant).isEqualTo(secondB == null);
				if (secondA != null) {
					withSecond++;
				}
				var leadA = CustomerLocks.leadWord(a.normalizedName());
				var leadB = CustomerLocks.leadWord(b.normalizedName());
				if (leadA != null && trigramSimilarity(leadA, leadB) < CustomerLocks.WORD_SIMILARITY
						|| secondA != null && trigramSimilarity(secondA, secondB) < CustomerLocks.WORD_SIMILARITY) {
					unfound.add(original + " / " + variant);
				}
			}
		}
		assertThat(withSecond).isGreaterThan(1_000);
		assertThat(unfound).as("matching pairs with a long word less similar than the search asks")
			.hasSizeLessThanOrEqualTo(matched / 200);
	}

	@Test
	void theSecondWordIsTheSecondWordOfFourLettersOrMore() {
		assertThat(CustomerLocks.secondWord("cyberdyne robotics")).isEqualTo("robotics");
		assertThat(CustomerLocks.secondWord("city of westfield")).isEqualTo("westfield");
		assertThat(CustomerLocks.secondWord("ace of spades")).isNull();
		assertThat(CustomerLocks.secondWord("initech 2 systems group")).isEqualTo("systems");
		assertThat(CustomerLocks.secondWord("acme labs")).isEqualTo("labs");
		assertThat(CustomerLocks.leadWord("ace of 3d spades")).isEqualTo("spades");
	}

	@Test
	void differentShapesOfNamesDoNotWaitForEachOther() {
		assertThat(CustomerLocks.shape("cyberdyne robotics")).isEqualTo("* *");
		assertThat(CustomerLocks.shape("acme labs")).isEqualTo("* *");
		assertThat(CustomerLocks.shape("ace of spades")).isEqualTo("ace of *");
		assertThat(CustomerLocks.shape("initech 2 systems")).isEqualTo("* 2 *");
		// the domain, and each pair of "cyberdyne" (8) with each pair of "robotics" (7)
		var keys = CustomerLocks.keys(Customer.of("Cyberdyne Robotics", "cyberdyne.com"));
		assertThat(keys).hasSize(1 + 8 * 7).contains("domain:cyberdyne.com", "shape:* *|cy|ro", "shape:* *|yn|cs");
		assertThat(CustomerLocks.keys(Customer.of("Ace of Spades", null))).containsExactly("shape:ace of *|ad",
				"shape:ace of *|de", "shape:ace of *|es", "shape:ace of *|pa", "shape:ace of *|sp");
		// a four-letter word may be a five-letter word one letter short ("watr", "water")
		assertThat(CustomerLocks.keys(Customer.of("ACME Labs", null))).hasSize(3 * 3)
			.contains("shape:* *|ac|la", "shape:* *|me|bs");
		assertThat(CustomerLocks.keys(new Customer("ace 24", null, "ace 24"))).containsExactly("shape:ace 24");
	}

	/**
	 * One slip of the keyboard in a word of five letters or more (a letter dropped, added
	 * or replaced, or two neighbours swapped), also one that makes it a four-letter word
	 * or a four-letter word a five-letter one: the matcher takes the two names for one
	 * customer, in either order, and they share every narrowing of the conflict check —
	 * the shape, a lead and second word each similar by trigrams (the registration and
	 * account searches) or both absent, and a lock key. Random names of one to four words
	 * of two to twelve letters, fixed seed. Failed while a four-letter word had to match
	 * exactly ("northgate watr district" / "northgate water district").
	 */
	@Test
	void everyOneSlipInAWordOfFiveLettersOrMoreIsTheSameCustomerWithTheSameKeys() {
		var random = new Random(20261202L);
		int acrossTheBoundary = 0;
		for (int i = 0; i < 20_000; i++) {
			var pair = OneSlip.pair(random);
			var a = new Customer(pair.original(), null, pair.original());
			var b = new Customer(pair.slipped(), null, pair.slipped());
			var what = pair.original() + " / " + pair.slipped();
			assertThat(CompanyMatcher.match(a.company(), b.company())).as(what).isPresent();
			assertThat(CompanyMatcher.match(b.company(), a.company())).as(what).isPresent();
			assertThat(CustomerLocks.shape(b.normalizedName())).as(what)
				.isEqualTo(CustomerLocks.shape(a.normalizedName()));
			assertSimilar(CustomerLocks.leadWord(a.normalizedName()), CustomerLocks.leadWord(b.normalizedName()), what);
			assertSimilar(CustomerLocks.secondWord(a.normalizedName()), CustomerLocks.secondWord(b.normalizedName()),
					what);
			assertThat(CustomerLocks.keys(a)).as(what).containsAnyElementsOf(CustomerLocks.keys(b));
			acrossTheBoundary += pair.acrossTheBoundary() ? 1 : 0;
		}
		assertThat(acrossTheBoundary).isGreaterThan(1_000);
	}

	private static void assertSimilar(String a, String b, String what) {
		assertThat(a == null).as(what).isEqualTo(b == null);
		if (a != null) {
			assertThat(trigramSimilarity(a, b)).as(what).isGreaterThanOrEqualTo(CustomerLocks.WORD_SIMILARITY);
		}
	}

	@Test
	void everyOneSlipSpellingOfALeadWordIsFoundByTrigrams() {
		var random = new Random(7);
		int matched = 0;
		for (int i = 0; i < 20_000; i++) {
			var word = name(random).replace(" ", "");
			var chars = new StringBuilder(word);
			int at = random.nextInt(word.length());
			switch (random.nextInt(4)) {
				case 0 -> chars.setCharAt(at, (char) ('a' + random.nextInt(26)));
				case 1 -> chars.deleteCharAt(at);
				case 2 -> chars.insert(at, (char) ('a' + random.nextInt(26)));
				default -> {
					if (at + 1 < chars.length()) {
						chars.setCharAt(at, word.charAt(at + 1));
						chars.setCharAt(at + 1, word.charAt(at));
					}
				}
			}
			var a = Customer.of(word + " robotics", null);
			var b = Customer.of(chars + " robotics", null);
			if (CompanyMatcher.match(a.company(), b.company()).isPresent() && !word.contentEquals(chars)) {
				matched++;
				assertThat(trigramSimilarity(CustomerLocks.leadWord(a.normalizedName()),
						CustomerLocks.leadWord(b.normalizedName())))
					.as("%s / %s", word, chars)
					.isGreaterThanOrEqualTo(CustomerLocks.WORD_SIMILARITY);
			}
		}
		assertThat(matched).isGreaterThan(2_000);
	}

	/**
	 * Registrations of one shape whose lead words share a pair of letters waited for each
	 * other when only the lead word made the keys; the second long word differs entirely.
	 */
	@Test
	void namesSharingOnlyPairsOfTheLeadWordDoNotWaitForEachOther() {
		assertThat(CustomerLocks.keys(Customer.of("Bacedi Analytics", null)))
			.doesNotContainAnyElementsOf(CustomerLocks.keys(Customer.of("Bacoru Freight", null)));
		assertThat(CustomerLocks.keys(Customer.of("Paceyo Pharma", null)))
			.doesNotContainAnyElementsOf(CustomerLocks.keys(Customer.of("Kapace Hotels", null)));
	}

	@Test
	void unrelatedNamesOfTheSameShapeDoNotWaitForEachOther() {
		assertThat(CustomerLocks.keys(Customer.of("Bacedi Analytics", null)))
			.doesNotContainAnyElementsOf(CustomerLocks.keys(Customer.of("Zorumo Logistics", null)));
	}

	/** PostgreSQL's pg_trgm similarity of two words (lower-case letters and digits). */
	static double trigramSimilarity(String a, String b) {
		var ta = trigrams(a);
		var tb = trigrams(b);
		long shared = ta.stream().filter(tb::contains).count();
		return shared / (double) (ta.size() + tb.size() - shared);
	}

	private static java.util.Set<String> trigrams(String word) {
		var padded = "  " + word + " ";
		var set = new java.util.HashSet<String>();
		for (int i = 0; i + 3 <= padded.length(); i++) {
			set.add(padded.substring(i, i + 3));
		}
		return set;
	}

	private static String name(Random random) {
		var name = new StringBuilder();
		int words = 1 + random.nextInt(3);
		for (int w = 0; w < words; w++) {
			if (w > 0) {
				name.append(' ');
			}
			int length = 3 + random.nextInt(10);
			for (int c = 0; c < length; c++) {
				name.append((char) ('a' + random.nextInt(26)));
			}
		}
		return name.toString();
	}

	/**
	 * One to three edits (change, drop, insert, swap) anywhere, first letters included.
	 */
	private static String misspelt(String name, Random random) {
		var chars = new StringBuilder(name);
		int edits = 1 + random.nextInt(3);
		for (int e = 0; e < edits; e++) {
			int at = random.nextInt(chars.length());
			if (chars.charAt(at) == ' ') {
				continue;
			}
			char letter = (char) ('a' + random.nextInt(26));
			switch (random.nextInt(4)) {
				case 0 -> chars.setCharAt(at, letter);
				case 1 -> {
					if (chars.length() > 1) {
						chars.deleteCharAt(at);
					}
				}
				case 2 -> chars.insert(at, letter);
				default -> {
					if (at + 1 < chars.length() && chars.charAt(at + 1) != ' ') {
						char next = chars.charAt(at + 1);
						chars.setCharAt(at + 1, chars.charAt(at));
						chars.setCharAt(at, next);
					}
				}
			}
		}
		return chars.toString();
	}

}
