package com.trellis.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Wrong passwords slow down the address that sends them, never lock the account: the
 * owner signing in from elsewhere is let in at once.
 */
@TrellisTest
class LoginThrottleTests {

	private static final String ATTACKER = "203.0.113.66";

	private static final String OWNER = "198.51.100.7";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoginThrottleProperties properties;

	@Test
	void anAttackerFailingFiftyTimesDoesNotKeepTheAdminFromSigningInFromAnotherAddress() throws Exception {
		var admin = this.fixtures.email(this.fixtures.user(Role.ADMIN));
		int failures = 0;
		while (failures < 50) {
			var outcome = signIn(admin, "wrong", ATTACKER);
			if (outcome.contains("throttled=")) {
				this.clock.advance(Duration.ofSeconds(waitOf(outcome)));
				continue;
			}
			assertThat(outcome).endsWith("/login?error");
			failures++;
		}

		assertThat(signIn(admin, "secret", OWNER)).as("the admin from their own address, at once").isEqualTo("/");
	}

	@Test
	void anAddressThatKeepsFailingIsToldToWaitLongerEachTime() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong", ATTACKER)).endsWith("/login?error");
		}
		assertThat(signIn(email, "secret", ATTACKER)).as("even the right password waits its turn")
			.endsWith("/login?throttled=5");

		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			var outcome = signIn(email, "wrong", ATTACKER);
			waits.add(waitOf(outcome));
			this.clock.advance(Duration.ofSeconds(waitOf(outcome)));
			assertThat(signIn(email, "wrong", ATTACKER)).endsWith("/login?error");
		}
		assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 80L, 160L);

		this.clock.advance(Duration.ofSeconds(320));
		assertThat(signIn(email, "secret", ATTACKER)).as("after the wait the right password works").isEqualTo("/");
	}

	@Test
	void theWaitGrowsUpToTheConfiguredMaximumAndNoFurther() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		long last = 0;
		for (int i = 0; i < 30; i++) {
			var outcome = signIn(email, "wrong", ATTACKER);
			if (outcome.contains("throttled=")) {
				last = waitOf(outcome);
				this.clock.advance(Duration.ofSeconds(last));
			}
			else {
				assertThat(outcome).endsWith("/login?error");
			}
		}
		assertThat(last).isEqualTo(Duration.ofMinutes(15).toSeconds());
	}

	@Test
	void theSignInPageSaysPlainlyHowLongToWait() throws Exception {
		var page = this.mvc.perform(get("/login").param("throttled", "40"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Too many attempts; try again in 40 seconds.");
	}

	/**
	 * Failed before (s59 try-out): a capital dotted I (U+0130) in place of an i gave the
	 * address a count of its own, yet signed in to the account (the database folds it to
	 * i), so each i of an address brought five more free guesses; and the page told a
	 * wait of 1,667 minutes written into its address, longer than the throttle ever asks.
	 */
	@Test
	void everySpellingThatReachesAnAccountSharesItsCountAndThePageTellsNoLongerWaitThanTheThrottle() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.EXECUTIVE));
		assertThat(email).contains("i");
		for (int i = 0; i < 5; i++) {
			signIn(email, "wrong", ATTACKER);
		}
		var lookAlike = email.replaceFirst("i", "\u0130");
		assertThat(signIn(lookAlike, "wrong", ATTACKER)).contains("/login?throttled=");
		assertThat(signIn(lookAlike, "secret", ATTACKER)).contains("/login?throttled=");
		for (var absurd : new String[] { "100000", "99999999999999999999" }) {
			var page = this.mvc.perform(get("/login").param("throttled", absurd))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(absurd).contains("try again in 15 minutes").doesNotContain("1,667");
		}
		assertThat(this.mvc.perform(get("/login").param("throttled", "0000000000000000000005"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("try again in 5 seconds");
	}

	@Test
	void unknownEmailsAreThrottledExactlyLikeKnownOnes() throws Exception {
		var known = this.fixtures.email(this.fixtures.user(Role.EXECUTIVE));
		var unknown = "nobody-" + System.nanoTime() + "@test.example";

		assertThat(attempts(unknown)).isEqualTo(attempts(known)).contains("/login?throttled=5");
	}

	@Test
	void theCountOfFailuresIsKeptInTheDatabaseForEveryInstance() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.PAM));
		for (int i = 0; i < 5; i++) {
			signIn(email, "wrong", ATTACKER);
		}
		assertThat(this.jdbc.sql("SELECT failures FROM login_failure WHERE account_key = ? AND client_address = ?")
			.params(email.toLowerCase(), ATTACKER)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(signIn(email, "secret", ATTACKER)).endsWith("/login?throttled=5");

		// another instance that forgot the failures (here: the row is gone) lets the
		// address in: the state is read from the table, not from memory
		this.jdbc.sql("DELETE FROM login_failure WHERE account_key = ?").param(email.toLowerCase()).update();
		assertThat(signIn(email, "secret", ATTACKER)).isEqualTo("/");
	}

	@Test
	void aSecondThrottleOnTheSameDatabaseSeesTheFailuresAndOldOnesAreCleanedUp() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.PAM));
		for (int i = 0; i < 5; i++) {
			signIn(email, "wrong", ATTACKER);
		}
		var anotherInstance = new LoginThrottle(this.jdbc, this.clock, this.properties);

		assertThat(anotherInstance.admit(email.toUpperCase(), ATTACKER)).contains(Duration.ofSeconds(5));

		this.clock.advance(Duration.ofHours(25));
		assertThat(anotherInstance.forgetOldFailures()).isPositive();
		assertThat(this.fixtures.count("login_failure WHERE account_key = '" + email.toLowerCase() + "'")).isZero();
	}

	@Test
	void aSuccessfulSignInForgetsTheAddressesEarlierFailures() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		for (int i = 0; i < 4; i++) {
			signIn(email, "wrong", OWNER);
		}
		assertThat(signIn(email, "secret", OWNER)).isEqualTo("/");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong", OWNER)).as("attempt %d after the success", i).endsWith("/login?error");
		}
	}

	private List<String> attempts(String email) throws Exception {
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			outcomes.add(signIn(email, "wrong", ATTACKER));
		}
		return outcomes;
	}

	private static long waitOf(String outcome) {
		return Long.parseLong(outcome.substring(outcome.indexOf("throttled=") + "throttled=".length()));
	}

	private String signIn(String email, String password, String address) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()).with(request -> {
				request.setRemoteAddr(address);
				return request;
			}))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

}
