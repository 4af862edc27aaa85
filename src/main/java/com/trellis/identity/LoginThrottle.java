package com.trellis.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing by e-mail (as typed, known or not) and client address,
 * with the state in the database so that it holds across restarts and instances. Each
 * attempt is admitted and counted as a failure in one compare-and-set, before the
 * password is checked, so parallel requests cannot slip past the count; a successful
 * sign-in forgets the address's failures.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_KEY = 254;

	private static final int MAX_ADDRESS = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SignInDelay delay;

	private final Duration forgetAfter;

	LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.delay = properties.delay();
		this.forgetAfter = properties.forgetAfter();
	}

	/**
	 * Admits a sign-in attempt and counts it, or says how long the address must still
	 * wait.
	 * @return empty when the attempt may go ahead, else the wait
	 */
	Optional<Duration> admit(String email, String address) {
		var key = accountKey(email);
		var client = clientAddress(address);
		for (int round = 0; round < 5; round++) {
			var now = this.clock.instant();
			var forgetBefore = Timestamp.from(now.minus(this.forgetAfter));
			var mine = this.jdbc.sql("""
					SELECT failures, last_failure_at FROM login_failure
					WHERE account_key = lower(:key) AND client_address = :client
					""")
				.param("key", key)
				.param("client", client)
				.query((rs, n) -> new Failures(rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant()))
				.optional();
			int account = this.jdbc.sql("""
					SELECT coalesce(sum(failures), 0) FROM login_failure
					WHERE account_key = lower(:key) AND last_failure_at >= :forgetBefore
					""").param("key", key).param("forgetBefore", forgetBefore).query(Integer.class).single();
			var remembered = mine.filter(failures -> !failures.last().isBefore(forgetBefore.toInstant()));
			var decision = this.delay.decide(remembered.map(Failures::count).orElse(0),
					remembered.map(Failures::last).orElse(null), account, now);
			if (!decision.allowed()) {
				log.info("Sign-in for {} from {} refused: {}", printable(key), printable(client), decision.reason());
				return Optional.of(decision.remaining());
			}
			if (count(key, client, mine.orElse(null), remembered.isPresent(), now)) {
				return Optional.empty();
			}
		}
		// another request for the same e-mail and address won every round: let it finish
		return Optional.of(Duration.ofSeconds(1));
	}

	private boolean count(String key, String client, Failures previous, boolean remembered, Instant now) {
		if (previous == null) {
			return this.jdbc.sql("""
					INSERT INTO login_failure (account_key, client_address, failures, last_failure_at)
					VALUES (lower(:key), :client, 1, :now) ON CONFLICT DO NOTHING
					""").param("key", key).param("client", client).param("now", Timestamp.from(now)).update() == 1;
		}
		return this.jdbc.sql("""
				UPDATE login_failure SET failures = :failures, last_failure_at = :now
				WHERE account_key = lower(:key) AND client_address = :client AND failures = :previous
				  AND last_failure_at = :previousAt
				""")
			.param("failures", remembered ? previous.count() + 1 : 1)
			.param("now", Timestamp.from(now))
			.param("key", key)
			.param("client", client)
			.param("previous", previous.count())
			.param("previousAt", Timestamp.from(previous.last()))
			.update() == 1;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.jdbc.sql("DELETE FROM login_failure WHERE account_key = lower(:key) AND client_address = :client")
				.param("key", accountKey(event.getAuthentication().getName()))
				.param("client", clientAddress(details.getRemoteAddress()))
				.update();
		}
	}

	/**
	 * Forgets the account's failed sign-ins from every client: its password was just
	 * replaced by one nobody could have guessed ({@link AdminPasswordResets}), so the
	 * wait they built up would only keep its owner out.
	 */
	void forgetAccount(String email) {
		this.jdbc.sql("DELETE FROM login_failure WHERE account_key = lower(:key)")
			.param("key", accountKey(email))
			.update();
	}

	/** Deletes the failures nobody has added to for longer than they are remembered. */
	@Scheduled(cron = "${trellis.security.login-throttle.cleanup-cron:0 23 * * * *}",
			zone = "${trellis.business.time-zone:UTC}")
	int forgetOldFailures() {
		return this.jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < :forgetBefore")
			.param("forgetBefore", Timestamp.from(this.clock.instant().minus(this.forgetAfter)))
			.update();
	}

	/**
	 * The e-mail as typed, trimmed and lower-cased ({@code EmailRule.key}); the
	 * statements fold it once more with the database's {@code lower()}, which finds the
	 * account (and knows letters newer than the JDK's Unicode), so every spelling that
	 * reaches one account shares its count. Absurdly long input is replaced by its hash
	 * so that it still has its own (bounded) key.
	 */
	static String accountKey(String email) {
		var key = email == null ? "" : com.trellis.shared.validation.EmailRule.key(email);
		return key.length() <= MAX_KEY ? key : "sha256:" + ApiTokens.hash(key);
	}

	private static String clientAddress(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		return address.length() <= MAX_ADDRESS ? address : address.substring(0, MAX_ADDRESS);
	}

	/** Typed input as it may appear in a log line: no line breaks or other controls. */
	private static String printable(String value) {
		var shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return shown.codePoints()
			.map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private record Failures(int count, Instant last) {
	}

}
