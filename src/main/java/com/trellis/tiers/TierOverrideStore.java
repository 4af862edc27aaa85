package com.trellis.tiers;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.partners.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Manual tier overrides ({@code tier_override}): at most one in force per partner, from
 * its start day to its expiry day unless ended before. Split from {@link TierStore},
 * which keeps the thresholds, the weekly evaluations and the tier history.
 */
@Repository
class TierOverrideStore {

	private static final String OVERRIDE = """
			SELECT o.id, o.partner_id, p.name, o.tier, o.reason, o.starts_on, o.expires_on,
			       COALESCE(u.display_name, 'system'), o.created_at, o.ended_at, o.ended_note
			FROM tier_override o JOIN partner p ON p.id = o.partner_id LEFT JOIN app_user u ON u.id = o.created_by
			""";

	private final JdbcClient jdbc;

	TierOverrideStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The partners with an override in force, and its expiry day. */
	Map<Long, LocalDate> openOverrideExpiries() {
		var result = new HashMap<Long, LocalDate>();
		this.jdbc.sql("SELECT partner_id, expires_on FROM tier_override WHERE ended_at IS NULL").query(rs -> {
			result.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
		});
		return result;
	}

	TierOverride openOverride(long partnerId) {
		return this.jdbc.sql(OVERRIDE + " WHERE o.partner_id = :partner AND o.ended_at IS NULL")
			.param("partner", partnerId)
			.query(TierOverrideStore::override)
			.optional()
			.orElse(null);
	}

	List<TierOverride> overrides(boolean openOnly, int limit) {
		return this.jdbc
			.sql(OVERRIDE + (openOnly ? " WHERE o.ended_at IS NULL" : "") + " ORDER BY o.created_at DESC LIMIT :limit")
			.param("limit", limit)
			.query(TierOverrideStore::override)
			.list();
	}

	/** Open overrides whose expiry day has come, locked for this transaction. */
	List<Long> expiredOverrides(LocalDate today) {
		return this.jdbc
			.sql("""
					SELECT id FROM tier_override WHERE ended_at IS NULL AND expires_on <= :today ORDER BY id FOR UPDATE SKIP LOCKED
					""")
			.param("today", Date.valueOf(today))
			.query(Long.class)
			.list();
	}

	TierOverride override(long id) {
		return this.jdbc.sql(OVERRIDE + " WHERE o.id = :id")
			.param("id", id)
			.query(TierOverrideStore::override)
			.single();
	}

	long insertOverride(long partnerId, Tier tier, String reason, LocalDate startsOn, LocalDate expiresOn, Long userId,
			Instant now) {
		return this.jdbc.sql("""
				INSERT INTO tier_override (partner_id, tier, reason, starts_on, expires_on, created_by, created_at)
				VALUES (:partner, :tier, :reason, :starts, :expires, :by, :now) RETURNING id
				""")
			.param("partner", partnerId)
			.param("tier", tier.name())
			.param("reason", reason)
			.param("starts", Date.valueOf(startsOn))
			.param("expires", Date.valueOf(expiresOn))
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Ends an override in force; false when it had ended already. */
	boolean endOverride(long id, String note, Instant now) {
		return this.jdbc
			.sql("UPDATE tier_override SET ended_at = :now, ended_note = :note WHERE id = :id AND ended_at IS NULL")
			.param("id", id)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static TierOverride override(ResultSet rs, int n) throws SQLException {
		var ended = rs.getTimestamp(10);
		return new TierOverride(rs.getLong(1), rs.getLong(2), rs.getString(3), Tier.valueOf(rs.getString(4)),
				rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
				rs.getTimestamp(9).toInstant(), ended == null ? null : ended.toInstant(), rs.getString(11));
	}

}
