package com.trellis.identity;

import com.trellis.shared.Plural;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A single-use link sent by e-mail (an invitation, a password reset): a random secret
 * that goes only into the message, and its SHA-256 hash that is stored. Whether a stored
 * link still opens is decided by {@link #state}, with the reason shown to the person who
 * followed it.
 */
public final class OneTimeLink {

	private static final SecureRandom random = new SecureRandom();

	private OneTimeLink() {
	}

	/** A new secret and its hash, valid from now for the given time. */
	public static Issued issue(Instant now, Duration validFor) {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Issued(secret, hash(secret), now.plus(validFor));
	}

	/** The stored form of a secret; unreadable input hashes to something no link has. */
	public static String hash(String secret) {
		return ApiTokens.hash(secret == null ? "" : secret);
	}

	/**
	 * Whether a link opens now: used, revoked and expired links do not, each with its
	 * reason.
	 */
	public static State state(Instant expiresAt, Instant usedAt, Instant revokedAt, Instant now) {
		if (usedAt != null) {
			return State.USED;
		}
		if (revokedAt != null) {
			return State.REVOKED;
		}
		if (!now.isBefore(expiresAt)) {
			return State.EXPIRED;
		}
		return State.OPEN;
	}

	/** A validity as a person reads it in an e-mail: "1 hour", "7 days", "30 minutes". */
	public static String describe(Duration duration) {
		if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return Plural.of(duration.toDays(), "day");
		}
		if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
			return Plural.of(duration.toHours(), "hour");
		}
		return Plural.of(Math.max(1, duration.toMinutes()), "minute");
	}

	/**
	 * @param secret goes into the e-mail only
	 * @param hash what is stored
	 * @param expiresAt when the link stops opening
	 */
	public record Issued(String secret, String hash, Instant expiresAt) {
	}

	public enum State {

		OPEN("This link is valid."), USED("This link has been used already; each link works once."),
		REVOKED("This link was withdrawn or replaced by a newer one; use the newest link you were sent, or ask for a new one."),
		EXPIRED("This link has expired; ask for a new one."),
		UNKNOWN("This link is not valid: it may have been replaced by a newer one, or not copied completely. Use the newest e-mail you received, or ask for a new link.");

		private final String reason;

		State(String reason) {
			this.reason = reason;
		}

		public String reason() {
			return this.reason;
		}

		public boolean opens() {
			return this == OPEN;
		}

	}

}
