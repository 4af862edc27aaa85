package com.trellis.registration;

import java.util.Random;

import com.trellis.matching.CompanyMatcher;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open deals a registration meets are found at the conflict check's one trigram
 * threshold ({@link CustomerLocks#WORD_SIMILARITY}), per long word: the registration
 * itself and the promotion of a held one ({@link ConflictFinder#find}) decide alike.
 * Before, the registration compared whole names at PostgreSQL's default 0.3, while a
 * promotion ran after the open-registration search had set 0.15 for its transaction; a
 * look-alike of an account with two neighbouring letters swapped in each word (whole
 * names about 0.27 similar) was held on promotion but not on registration.
 */
@TrellisTest
class ConflictThresholdTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	ConflictFinder conflicts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLookAlikeOfAnAccountWithAnOpenDealIsHeldAtRegistrationAsOnPromotion() {
		var owner = this.fixtures.world("Threshold Deal Owner");
		var registrant = this.fixtures.world("Threshold Registrant");
		var random = new Random(15);
		int pairs = 0;
		while (pairs < 4) {
			var account = word(random) + " " + word(random);
			var words = account.split(" ");
			var lookAlike = swapped(words[0]) + " " + swapped(words[1]);
			double whole = this.jdbc.sql("SELECT similarity(:a, :b)")
				.param("a", account)
				.param("b", lookAlike)
				.query(Double.class)
				.single();
			if (whole >= 0.3) {
				continue;
			}
			pairs++;
			var a = Customer.of(account, null);
			var b = Customer.of(lookAlike, null);
			assertThat(CompanyMatcher.match(a.company(), b.company())).as("%s / %s", account, lookAlike).isPresent();
			long accountId = this.fixtures.account(account, null, owner.ae().userId());
			long deal = this.fixtures.partnerDeal(accountId, owner.ae().userId(), owner.partnerId(), "90000.00");

			assertThat(this.conflicts.find(b, null)).as("%s / %s (%.2f)", account, lookAlike, whole)
				.anySatisfy(c -> assertThat(c.id()).isEqualTo(deal));
			var registered = this.registrations.register(registrant.partnerUser(),
					RegistrationTests.command(lookAlike, null));
			assertThat(registered.status()).as("%s / %s (%.2f)", account, lookAlike, whole)
				.isEqualTo(RegistrationStatus.ON_HOLD);
		}
	}

	/** Seven letters, starting with one no other test's names start with here. */
	private static String word(Random random) {
		var word = new StringBuilder("X");
		for (int i = 0; i < 6; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	/** The two middle letters swapped: one slip of the keyboard. */
	private static String swapped(String word) {
		return word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5);
	}

}
