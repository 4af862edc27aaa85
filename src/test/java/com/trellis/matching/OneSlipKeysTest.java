package com.trellis.matching;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneSlipKeysTest {

	@Test
	void namesOneSlipApartInOneWordShareAKey() {
		var random = new Random(14);
		for (int i = 0; i < 20_000; i++) {
			var word = word(random, 6 + random.nextInt(8));
			var name = word + " " + word(random, 3 + random.nextInt(8));
			var slipped = slipped(word, random) + name.substring(word.length());
			assertThat(CompanyMatcher.oneSlipApart(word, slipped.substring(0, slipped.indexOf(' ')))).isTrue();
			assertThat(keys(name)).as("%s / %s", name, slipped).containsAnyElementsOf(keys(slipped));
		}
	}

	@Test
	void namesDifferingInAShortWordOrInTwoPlacesOfAWordShareNoKey() {
		assertThat(keys("velfleor analytics")).doesNotContainAnyElementsOf(keys("velfleor analysis"));
		assertThat(keys("babator labs")).doesNotContainAnyElementsOf(keys("babator lobs"));
		assertThat(keys("wavoelxa ventures")).doesNotContainAnyElementsOf(keys("wavovel ventures"));
	}

	@Test
	void theSameNameSharesItsWholeNameKey() {
		assertThat(keys("zembrovia logistics")).containsAnyElementsOf(keys("zembrovia logistics"));
		assertThat(keys(null)).isEmpty();
	}

	private static Set<Long> keys(String name) {
		var keys = new HashSet<Long>();
		OneSlipKeys.forEach(name, keys::add);
		return keys;
	}

	private static String word(Random random, int length) {
		var word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	/** One letter replaced, dropped, added, or two neighbours swapped, anywhere. */
	private static String slipped(String word, Random random) {
		var chars = new StringBuilder(word);
		int at = random.nextInt(word.length() - 1);
		switch (random.nextInt(4)) {
			case 0 -> chars.setCharAt(at, chars.charAt(at) == 'z' ? 'a' : (char) (chars.charAt(at) + 1));
			case 1 -> chars.deleteCharAt(at);
			case 2 -> chars.insert(at, 'q');
			default -> {
				if (chars.charAt(at) == chars.charAt(at + 1)) {
					chars.setCharAt(at, chars.charAt(at) == 'z' ? 'a' : (char) (chars.charAt(at) + 1));
				}
				else {
					char c = chars.charAt(at);
					chars.setCharAt(at, chars.charAt(at + 1));
					chars.setCharAt(at + 1, c);
				}
			}
		}
		return chars.toString();
	}

}
