package com.trellis.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The kept keys of the API's creates sent with {@code Idempotency-Key} (table
 * {@code api_idempotency}, V305): per user and key, a SHA-256 hash of the request and,
 * once the create succeeded, its answer (status, content type, body). Every call runs in
 * the request's transaction ({@link IdempotentCreates}). Keys are forgotten after
 * {@code trellis.api.idempotency-kept} (24 hours).
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration kept;

	IdempotencyKeys(JdbcClient jdbc, Clock clock, @Value("${trellis.api.idempotency-kept:24h}") Duration kept) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = kept;
	}

	/**
	 * Claims the key for this request, or answers what the key was used for before. A
	 * second claim of the same key while the first request still runs waits for it (the
	 * key's row is locked until that request's transaction ends).
	 */
	Optional<Kept> claim(long userId, String key, byte[] requestHash) {
		boolean first = this.jdbc.sql("""
				INSERT INTO api_idempotency (user_id, key, request_hash, sent_at) VALUES (:user, :key, :hash, :now)
				ON CONFLICT (user_id, key) DO NOTHING""")
			.param("user", userId)
			.param("key", key)
			.param("hash", requestHash)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (first) {
			return Optional.empty();
		}
		return this.jdbc.sql(
				"SELECT request_hash, status, content_type, body FROM api_idempotency WHERE user_id = :user AND key = :key")
			.param("user", userId)
			.param("key", key)
			.query((rs, n) -> new Kept(Arrays.equals(rs.getBytes(1), requestHash), rs.getInt(2), rs.getString(3),
					rs.getBytes(4)))
			.optional();
	}

	/** Keeps the answer of the request that claimed the key. */
	void keep(long userId, String key, int status, String contentType, byte[] body) {
		this.jdbc.sql("""
				UPDATE api_idempotency SET status = :status, content_type = :type, body = :body
				WHERE user_id = :user AND key = :key""")
			.param("status", status)
			.param("type", contentType)
			.param("body", body)
			.param("user", userId)
			.param("key", key)
			.update();
	}

	/** Forgets the keys kept longer than the setting. */
	@Scheduled(cron = "${trellis.api.idempotency-cleanup-cron:0 17 * * * *}",
			zone = "${trellis.business.time-zone:UTC}")
	int forgetOld() {
		return this.jdbc.sql("DELETE FROM api_idempotency WHERE sent_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(this.kept)))
			.update();
	}

	/**
	 * What a key was used for: whether by the same request (method, path, query, content
	 * type and body), and the answer it got.
	 */
	record Kept(boolean sameRequest, int status, String contentType, byte[] body) {
	}

}
