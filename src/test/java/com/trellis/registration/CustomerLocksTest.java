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
		for (int i = 0; i < 20_000; i++) {
			var original = name(random);
			var variant = misspelt(original, random);
			var a = Customer.of(original, null);
			var b = Customer.of(variant, null);
			if (CompanyMatcher.match(a.company(), b.company()).isPresent()) {
				matched++;
				assertThat(CustomerLocks.keys(a)).as("%s / %s", original, variant)
					.containsAnyElementsOf(CustomerLocks.keys(b));
			}
		}
		// the sample must hold many matching pairs, or it proves nothing
		assertThat(matched).isGreaterThan(2_000);
	}

	@Test
	void differentShapesOfNamesDoNotWaitForEachOther() {
		assertThat(CustomerLocks.shape("cyberdyne robotics")).isEqualTo("* *");
		assertThat(CustomerLocks.shape("acme labs")).isEqualTo("acme labs");
		assertThat(CustomerLocks.shape("initech 2 systems")).isEqualTo("* 2 *");
		assertThat(CustomerLocks.keys(Customer.of("Cyberdyne Robotics", "cyberdyne.com")))
			.containsExactly("domain:cyberdyne.com", "shape:* *");
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
