package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Closed quarters, what a partner holds of a quarter-derived earning, and the quarter's
 * top-partner badge.
 */
@Repository
class QuarterRepository {

	static final String TOP_PARTNER = "TOP_PARTNER_OF_QUARTER";

	private final JdbcClient jdbc;

	QuarterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises closing and recomputing one quarter. */
	void lock(String period) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('incentive-quarter:' || :period, 0))")
			.param("period", period)
			.query((rs, n) -> 1)
			.list();
	}

	void markClosed(ClosedQuarter quarter, Instant now) {
		this.jdbc.sql("""
				INSERT INTO incentive_quarter_close (period, starts_on, ends_on, closed_at)
				VALUES (:period, :starts, :ends, :now) ON CONFLICT (period) DO NOTHING
				""")
			.param("period", quarter.period())
			.param("starts", quarter.start())
			.param("ends", quarter.end())
			.param("now", Timestamp.from(now))
			.update();
	}

	List<ClosedQuarter> closed() {
		return this.jdbc.sql("SELECT period, starts_on, ends_on FROM incentive_quarter_close ORDER BY starts_on")
			.query((rs, n) -> new ClosedQuarter(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	/**
	 * What a partner holds of one quarter-derived earning: the first entry and every
	 * adjustment of it.
	 */
	Held held(long programId, long partnerId, String sourceKey) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE source_key = :key), count(*) FILTER (WHERE source_key <> :key),
				       COALESCE(sum(amount), 0)
				FROM incentive_earning
				WHERE program_id = :program AND partner_id = :partner
				  AND (source_key = :key OR source_key LIKE :key || ':adjusted:%')
				""")
			.param("program", programId)
			.param("partner", partnerId)
			.param("key", sourceKey)
			.query((rs, n) -> new Held(rs.getLong(1) > 0, rs.getLong(2), rs.getBigDecimal(3)))
			.single();
	}

	/** Partners that hold a quarter-derived earning of the period under a program. */
	List<Long> holders(long programId, String sourceKey) {
		return this.jdbc.sql("""
				SELECT DISTINCT partner_id FROM incentive_earning WHERE program_id = :program AND source_key = :key
				""").param("program", programId).param("key", sourceKey).query(Long.class).list();
	}

	Optional<Long> topPartner(String period) {
		return this.jdbc.sql("SELECT partner_id FROM partner_badge WHERE badge = :badge AND period = :period")
			.param("badge", TOP_PARTNER)
			.param("period", period)
			.query(Long.class)
			.optional();
	}

	/** Gives the quarter's badge to a partner, taking it from whoever held it. */
	void giveTopPartner(String period, long partnerId, String reason, Instant now) {
		this.jdbc.sql("DELETE FROM partner_badge WHERE badge = :badge AND period = :period AND partner_id <> :partner")
			.param("badge", TOP_PARTNER)
			.param("period", period)
			.param("partner", partnerId)
			.update();
		this.jdbc.sql("""
				INSERT INTO partner_badge (partner_id, badge, period, reason, awarded_at)
				VALUES (:partner, :badge, :period, :reason, :now) ON CONFLICT DO NOTHING
				""")
			.param("partner", partnerId)
			.param("badge", TOP_PARTNER)
			.param("period", period)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update();
	}

	void takeTopPartner(String period) {
		this.jdbc.sql("DELETE FROM partner_badge WHERE badge = :badge AND period = :period")
			.param("badge", TOP_PARTNER)
			.param("period", period)
			.update();
	}

	record ClosedQuarter(String period, LocalDate start, LocalDate end) {
	}

	record Held(boolean first, long adjustments, BigDecimal net) {
	}

}
