package com.trellis.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PasswordResetRepository {

	private final JdbcClient jdbc;

	PasswordResetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts the request (known e-mail or not) and returns the earlier ones in the
	 * window.
	 */
	Counts countRequest(String emailKey, String address, Instant now, Instant windowStart) {
		var counts = this.jdbc.sql("""
				SELECT (SELECT count(*) FROM password_reset_request
				        WHERE email_key = :key AND requested_at > :since) AS for_email,
				       (SELECT count(*) FROM password_reset_request
				        WHERE client_address = :address AND requested_at > :since) AS from_address
				""")
			.param("key", emailKey)
			.param("address", address)
			.param("since", Timestamp.from(windowStart))
			.query((rs, n) -> new Counts(rs.getInt("for_email"), rs.getInt("from_address")))
			.single();
		this.jdbc.sql("""
				INSERT INTO password_reset_request (email_key, client_address, requested_at)
				VALUES (:key, :address, :now)
				""").param("key", emailKey).param("address", address).param("now", Timestamp.from(now)).update();
		return counts;
	}

	/** Closes the user's links that are still open; returns how many. */
	int closeOpen(long userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE password_reset SET closed_at = :now
				WHERE user_id = :user AND used_at IS NULL AND closed_at IS NULL
				""").param("now", Timestamp.from(now)).param("user", userId).update();
	}

	void insert(long userId, String hash, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				INSERT INTO password_reset (user_id, token_hash, created_at, expires_at)
				VALUES (:user, :hash, :now, :expires)
				""")
			.param("user", userId)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	Optional<Link> find(String hash, boolean lock) {
		return this.jdbc.sql("""
				SELECT id, user_id, expires_at, used_at, closed_at FROM password_reset WHERE token_hash = :hash
				""" + (lock ? " FOR UPDATE" : ""))
			.param("hash", hash)
			.query((rs, n) -> new Link(rs.getLong("id"), rs.getLong("user_id"), instant(rs, "expires_at"),
					instant(rs, "used_at"), instant(rs, "closed_at")))
			.optional();
	}

	void markUsed(long id, Instant now) {
		this.jdbc.sql("UPDATE password_reset SET used_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Forgets requests older than the window, so the table does not grow. */
	int forgetRequestsBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM password_reset_request WHERE requested_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	record Counts(int forEmail, int fromAddress) {
	}

	record Link(long id, long userId, Instant expiresAt, Instant usedAt, Instant closedAt) {

		OneTimeLink.State state(Instant now) {
			return OneTimeLink.state(this.expiresAt, this.usedAt, this.closedAt, now);
		}

	}

}
