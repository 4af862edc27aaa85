package com.trellis.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

	private static final String COLUMNS = "id, user_id, name, created_at, last_used_at, expires_at, revoked_at";

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, String name, String hash, Instant now, Instant expiresAt) {
		return this.jdbc.sql("""
				INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
				VALUES (:userId, :name, :hash, :now, :expiresAt) RETURNING id
				""")
			.param("userId", userId)
			.param("name", name)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
	}

	Optional<Stored> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
			.param("id", id)
			.query(ApiTokenRepository::stored)
			.optional();
	}

	Optional<Stored> findByHash(String hash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash")
			.param("hash", hash)
			.query(ApiTokenRepository::stored)
			.optional();
	}

	/**
	 * The token of a bearer secret's hash and its user's row. The user is read by key for
	 * the token found ({@code LIMIT 1} on the key keeps the planner from merging the
	 * join: with few tokens, whose analysed user ids were low, it chose a merge join that
	 * walked {@code app_user} in id order up to the token's user, 35,000 rows a request
	 * on the large data for a partner user).
	 */
	static final String PRESENTED = """
			SELECT t.id AS token_id, t.user_id AS token_user_id, t.name AS token_name, t.created_at AS token_created_at,
			       t.last_used_at, t.expires_at, t.revoked_at, u.*
			FROM api_token t
			LEFT JOIN LATERAL (SELECT %s, password_hash, enabled, %s AS partner_ended FROM app_user
			                   WHERE id = t.user_id LIMIT 1) AS u ON TRUE
			WHERE t.token_hash = :hash
			""".formatted(UserRepository.COLUMNS, UserRepository.PARTNER_ENDED);

	/**
	 * The token of a bearer secret's hash with its user's credentials, in one statement
	 * (a request's authentication reads nothing else unless the token's last use is a
	 * minute old).
	 */
	Optional<Presented> presented(String hash) {
		return this.jdbc.sql(PRESENTED)
			.param("hash", hash)
			.query((rs, n) -> new Presented(
					new Stored(rs.getLong("token_id"), rs.getLong("token_user_id"), rs.getString("token_name"),
							instant(rs, "token_created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
							instant(rs, "revoked_at")),
					rs.getObject("id") == null ? null : UserRepository.credentials(rs)))
			.optional();
	}

	List<Stored> ofUser(long userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM api_token WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
			.param("userId", userId)
			.query(ApiTokenRepository::stored)
			.list();
	}

	void revoke(long id, Instant now) {
		this.jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void rename(long id, String name) {
		this.jdbc.sql("UPDATE api_token SET name = :name WHERE id = :id").param("name", name).param("id", id).update();
	}

	/** How often a token's last use is written at most. */
	static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofSeconds(60);

	/**
	 * Records a use at most once a minute, so a busy script does not write on every call.
	 */
	void touch(long id, Instant now) {
		this.jdbc.sql("""
				UPDATE api_token SET last_used_at = :now
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)
				""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minus(TOUCH_EVERY)))
			.param("id", id)
			.update();
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), instant(rs, "created_at"),
				instant(rs, "last_used_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	record Stored(long id, long userId, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
			Instant revokedAt) {

		TokenView view(Instant now) {
			return new TokenView(this.id, this.userId, this.name, this.createdAt, this.lastUsedAt, this.expiresAt,
					this.revokedAt, TokenView.status(this.expiresAt, this.revokedAt, now));
		}

		Audited audited() {
			return new Audited(this.userId, this.name, this.expiresAt, this.revokedAt);
		}

	}

	/** A token with its user's credentials (null when the user is gone). */
	record Presented(Stored token, UserRepository.Credentials credentials) {
	}

	/** What the audit log keeps of a token: never its secret or hash. */
	record Audited(long userId, String name, Instant expiresAt, Instant revokedAt) {
	}

}
