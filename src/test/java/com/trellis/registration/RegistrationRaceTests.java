package com.trellis.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.matching.CompanyMatcher;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two partners registering look-alike customers in the same instant: whatever pair the
 * conflict check calls one customer, exactly one of them wins the protection.
 */
@TrellisTest
class RegistrationRaceTests {

	private static final int REPETITIONS = 5;

	private static final int RANDOM_PAIRS = 40;

	private static final AtomicInteger run = new AtomicInteger();

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Test
	void lookAlikeNamesRegisteredAtTheSameInstantLeaveExactlyOneWinner() throws Exception {
		// first letters differ, last word differs in its first letter, more than one
		// letter
		// differs, and one side or both carry different domains
		var pairs = List.of(new Pair("Cyberdyne Robotics", null, "Syberdyne Robotics", null),
				new Pair("Kaleidoscope Ventures", null, "Caleidoscope Ventures", null),
				new Pair("Northwind Transportation", null, "Northwind Cransportation", null),
				new Pair("Xylophonics Instruments", "xylophonics-%d.com", "Zylophonics Instruments", null),
				new Pair("Gravitonics Laboratories", "gravitonics-%d.com", "Kravitonics Laboratories",
						"kravitonics-%d.com"));
		var first = this.fixtures.world("Look-alike First");
		var second = this.fixtures.world("Look-alike Second");
		var outcomes = new ArrayList<String>();
		for (var pair : pairs) {
			for (int i = 0; i < REPETITIONS; i++) {
				// a word of digits keeps each round apart from the earlier ones
				int round = 1000 + run.incrementAndGet();
				var a = new Round(pair.nameA() + " " + round, domain(pair.domainA(), round), pair.nameB() + " " + round,
						domain(pair.domainB(), round));
				assertThat(CompanyMatcher.match(Customer.of(a.nameA(), a.domainA()).company(),
						Customer.of(a.nameB(), a.domainB()).company()))
					.as("the conflict check calls %s and %s one customer", a.nameA(), a.nameB())
					.isPresent();
				var statuses = race(first.partnerUser(), a.nameA(), a.domainA(), second.partnerUser(), a.nameB(),
						a.domainB());
				outcomes.add(a.nameA() + " / " + a.nameB() + ": " + statuses);
			}
		}
		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).containsOnlyOnce("PENDING"));
	}

	@Test
	void randomNamesDifferingInTheFirstLetterRegisteredAtTheSameInstantLeaveExactlyOneWinner() throws Exception {
		long seed = System.nanoTime();
		var random = new Random(seed);
		var first = this.fixtures.world("Random Race First");
		var second = this.fixtures.world("Random Race Second");
		var outcomes = new ArrayList<String>();
		for (int i = 0; i < RANDOM_PAIRS; i++) {
			var pair = randomPair(random);
			var statuses = race(first.partnerUser(), pair[0], null, second.partnerUser(), pair[1], null);
			outcomes.add(pair[0] + " / " + pair[1] + ": " + statuses);
		}
		assertThat(outcomes).as("seed %d", seed).allSatisfy(outcome -> assertThat(outcome).containsOnlyOnce("PENDING"));
	}

	@Test
	void randomNamesDifferingInTheFirstLetterRegisteredOneAfterTheOtherAreHeld() {
		long seed = System.nanoTime();
		var random = new Random(seed);
		var first = this.fixtures.world("Random Sequence First");
		var second = this.fixtures.world("Random Sequence Second");
		var outcomes = new ArrayList<String>();
		for (int i = 0; i < RANDOM_PAIRS; i++) {
			var pair = randomPair(random);
			var earlier = this.registrations.register(first.partnerUser(), RegistrationTests.command(pair[0], null));
			var later = this.registrations.register(second.partnerUser(), RegistrationTests.command(pair[1], null));
			outcomes.add(pair[0] + " / " + pair[1] + ": " + earlier.status() + ", " + later.status());
		}
		assertThat(outcomes).as("seed %d", seed)
			.allSatisfy(outcome -> assertThat(outcome).endsWith("PENDING, ON_HOLD"));
	}

	@Test
	void oneWordNamesWithTwoLettersSwappedRegisteredOneAfterTheOtherAreHeld() {
		long seed = System.nanoTime();
		var random = new Random(seed);
		var first = this.fixtures.world("Swapped Letters First");
		var second = this.fixtures.world("Swapped Letters Second");
		var outcomes = new ArrayList<String>();
		for (int i = 0; i < RANDOM_PAIRS / 4; i++) {
			var letters = new StringBuilder();
			for (int j = 0; j < 5; j++) {
				letters.append((char) ('a' + random.nextInt(26)));
			}
			var name = "Q" + letters;
			// two neighbours in the middle swapped: few letter triples stay in common
			var swapped = name.substring(0, 2) + name.charAt(3) + name.charAt(2) + name.substring(4);
			assertThat(CompanyMatcher.match(Customer.of(name, null).company(), Customer.of(swapped, null).company()))
				.isPresent();
			var earlier = this.registrations.register(first.partnerUser(), RegistrationTests.command(name, null));
			var later = this.registrations.register(second.partnerUser(), RegistrationTests.command(swapped, null));
			outcomes.add(name + " / " + swapped + ": " + earlier.status() + ", " + later.status());
		}
		assertThat(outcomes).as("seed %d", seed)
			.allSatisfy(outcome -> assertThat(outcome).endsWith("PENDING, ON_HOLD"));
	}

	/**
	 * Two spellings of one invented company, as a partner would mistype it: nine random
	 * letters behind two different first letters, and a common second word.
	 */
	private static String[] randomPair(Random random) {
		var letters = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		char one = (char) ('A' + random.nextInt(26));
		char other = (char) ('A' + (one - 'A' + 1 + random.nextInt(25)) % 26);
		return new String[] { one + letters.toString() + " Robotics", other + letters.toString() + " Robotics" };
	}

	private List<RegistrationStatus> race(Viewer one, String nameOne, String domainOne, Viewer two, String nameTwo,
			String domainTwo) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			Callable<RegistrationView> first = () -> {
				start.await();
				return this.registrations.register(one, RegistrationTests.command(nameOne, domainOne));
			};
			Callable<RegistrationView> second = () -> {
				start.await();
				return this.registrations.register(two, RegistrationTests.command(nameTwo, domainTwo));
			};
			List<Future<RegistrationView>> futures = List.of(pool.submit(first), pool.submit(second));
			start.countDown();
			var statuses = new ArrayList<RegistrationStatus>();
			for (var future : futures) {
				statuses.add(future.get().status());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String domain(String pattern, int round) {
		return pattern == null ? null : pattern.formatted(round);
	}

	private record Pair(String nameA, String domainA, String nameB, String domainB) {
	}

	private record Round(String nameA, String domainA, String nameB, String domainB) {
	}

}
