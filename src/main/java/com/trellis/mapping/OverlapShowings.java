package com.trellis.mapping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an overlap (a partner with one of our accounts on its current list) was first
 * shown to each member of the vendor's staff. Deals a partner joins after its overlap
 * with the deal's account was shown are overlap-sourced (module {@code cosell}).
 */
@Service
public class OverlapShowings {

	private final JdbcClient jdbc;

	private final Clock clock;

	OverlapShowings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Notes that these partners' overlap with the account was shown to the user. */
	@Transactional
	void shown(long userId, long accountId, Collection<Long> partnerIds) {
		var now = Timestamp.from(this.clock.instant());
		for (long partnerId : partnerIds) {
			this.jdbc.sql("""
					INSERT INTO overlap_shown (account_id, partner_id, shown_to, shown_at)
					VALUES (:account, :partner, :user, :at) ON CONFLICT DO NOTHING
					""")
				.param("account", accountId)
				.param("partner", partnerId)
				.param("user", userId)
				.param("at", now)
				.update();
		}
	}

	/**
	 * The first time the partner's overlap with the account was shown to anyone, at or
	 * before the moment given; empty when it never was.
	 */
	@Transactional(readOnly = true)
	public Optional<Showing> firstShown(long accountId, long partnerId, Instant atOrBefore) {
		return this.jdbc.sql("""
				SELECT shown_to, shown_at FROM overlap_shown
				WHERE account_id = :account AND partner_id = :partner AND shown_at <= :at
				ORDER BY shown_at, shown_to LIMIT 1
				""")
			.param("account", accountId)
			.param("partner", partnerId)
			.param("at", Timestamp.from(atOrBefore))
			.query((rs, n) -> new Showing(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** Who was shown the overlap, and when. */
	public record Showing(long shownTo, Instant shownAt) {
	}

}
