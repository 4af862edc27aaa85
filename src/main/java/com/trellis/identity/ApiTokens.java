package com.trellis.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API. The secret is shown once; only its hash is kept.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "trl_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, UserRepository users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/** Issues a new token for a user and returns its secret, which is not stored. */
	@Transactional
	public String issue(long userId, String name) {
		var bytes = new byte[32];
		this.random.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (:userId, :name, :hash, :now)
				""")
			.param("userId", userId)
			.param("name", name)
			.param("hash", hash(secret))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return secret;
	}

	@Transactional
	Optional<TrellisPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var hash = hash(secret);
		var now = this.clock.instant();
		// last use is recorded at most once a minute, so a busy script does not write on
		// every call
		this.jdbc.sql("""
				UPDATE api_token SET last_used_at = :now
				WHERE token_hash = :hash AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < :stale)
				""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minusSeconds(60)))
			.param("hash", hash)
			.update();
		return this.jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", hash)
			.query(Long.class)
			.optional()
			.flatMap(this.users::find)
			.flatMap(user -> this.users.credentials(user.email()))
			.filter(UserRepository.Credentials::enabled)
			.map(credentials -> TrellisUserDetailsService.principal(credentials, false));
	}

	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
