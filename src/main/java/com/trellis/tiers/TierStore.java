package com.trellis.tiers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.partners.Tier;
import com.trellis.scoring.WeekScores;
import com.trellis.shared.SettingVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Thresholds, weekly evaluations and tier history; overrides: {@link TierOverrideStore}.
 */
@Repository
class TierStore {

	private static final String CHANGE = """
			SELECT c.id, c.partner_id, p.name, c.from_tier, c.to_tier, c.effective_on, c.kind, c.readiness,
			       c.behaviour, c.trust, c.reason, COALESCE(u.display_name, 'system') AS by_name, c.changed_at
			FROM tier_change c JOIN partner p ON p.id = c.partner_id LEFT JOIN app_user u ON u.id = c.changed_by
			""";

	/** The thresholds' name in {@link SettingVersions}. */
	private static final String THRESHOLDS = "tier-thresholds";

	private final JdbcClient jdbc;

	private final SettingVersions versions;

	TierStore(JdbcClient jdbc, SettingVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
	}

	long thresholdsVersion() {
		return this.versions.version(THRESHOLDS);
	}

	TierThresholds thresholds() {
		return this.jdbc.sql("""
				SELECT t1_readiness, t1_behaviour, t1_trust, t2_readiness, t2_behaviour, t2_trust, weeks_held
				FROM tier_policy WHERE id = 1
				""")
			.query((rs, n) -> new TierThresholds(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7)))
			.single();
	}

	/**
	 * Saves the thresholds if they are still at {@code seen} ({@link SettingVersions}).
	 */
	void saveThresholds(TierThresholds t, Long seen, Long userId, Instant now) {
		this.versions.advance(THRESHOLDS, seen, userId, "the tier thresholds");
		this.jdbc.sql("""
				UPDATE tier_policy SET t1_readiness = :r1, t1_behaviour = :b1, t1_trust = :t1, t2_readiness = :r2,
				       t2_behaviour = :b2, t2_trust = :t2, weeks_held = :weeks, updated_by = :by, updated_at = :now
				WHERE id = 1
				""")
			.param("r1", t.tier1Readiness())
			.param("b1", t.tier1Behaviour())
			.param("t1", t.tier1Trust())
			.param("r2", t.tier2Readiness())
			.param("b2", t.tier2Behaviour())
			.param("t2", t.tier2Trust())
			.param("weeks", t.weeksHeld())
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Whether the job may run now: false while another instance holds the lock. */
	boolean lockRun() {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('tiers-weekly-evaluation', 0))")
			.query(Boolean.class)
			.single();
	}

	/** Partners already evaluated for a week. */
	List<Long> evaluated(LocalDate weekStart) {
		return this.jdbc.sql("SELECT partner_id FROM tier_evaluation WHERE week_start = :week")
			.param("week", Date.valueOf(weekStart))
			.query(Long.class)
			.list();
	}

	/**
	 * Writes a week's evaluations, a thousand rows per statement (one row per partner:
	 * scores, the tier they qualify for, the tier before and after, and the note). One
	 * statement per thousand rather than one per row: each statement fires the trigger
	 * that keeps the week's counts ({@code tier_week_count}, V140) once.
	 */
	void recordEvaluations(List<Evaluation> rows, Instant now) {
		for (int from = 0; from < rows.size(); from += 1000) {
			var chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
			this.jdbc
				.sql("""
						INSERT INTO tier_evaluation (partner_id, week_start, fiscal_week, readiness, behaviour, trust, qualified,
						                             tier_before, tier_after, note, evaluated_at)
						SELECT u.p, u.w, u.f, u.r, u.b, u.t, u.q, u.tb, u.ta, u.n, :at
						FROM unnest(CAST(:partners AS BIGINT[]), CAST(:weeks AS DATE[]), CAST(:fiscal AS TEXT[]),
						            CAST(:readiness AS NUMERIC[]), CAST(:behaviour AS NUMERIC[]), CAST(:trust AS NUMERIC[]),
						            CAST(:qualified AS TEXT[]), CAST(:before AS TEXT[]), CAST(:after AS TEXT[]),
						            CAST(:notes AS TEXT[])) AS u(p, w, f, r, b, t, q, tb, ta, n)
						""")
				.param("at", Timestamp.from(now))
				.param("partners", chunk.stream().map(Evaluation::partnerId).toArray(Long[]::new))
				.param("weeks", texts(chunk, e -> e.week().weekStart()))
				.param("fiscal", texts(chunk, e -> e.week().fiscalWeek()))
				.param("readiness", texts(chunk, e -> plain(e.week().readiness())))
				.param("behaviour", texts(chunk, e -> plain(e.week().behaviour())))
				.param("trust", texts(chunk, e -> plain(e.week().trust())))
				.param("qualified", texts(chunk, e -> e.qualified() == null ? null : e.qualified().name()))
				.param("before", texts(chunk, e -> e.before().name()))
				.param("after", texts(chunk, e -> e.after().name()))
				.param("notes", texts(chunk, Evaluation::note))
				.update();
		}
	}

	private static String[] texts(List<Evaluation> rows, java.util.function.Function<Evaluation, Object> value) {
		return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	/** One partner's evaluation of one week, as {@link #recordEvaluations} writes it. */
	record Evaluation(long partnerId, WeekScores week, Tier qualified, Tier before, Tier after, String note) {
	}

	/**
	 * Every partner's evaluations since its last change took effect, as
	 * {@link #sinceLastChange} answers for one partner, read in one statement.
	 */
	Map<Long, List<Tier>> allSinceLastChange() {
		var result = new HashMap<Long, List<Tier>>();
		this.jdbc.sql("""
				SELECT e.partner_id, e.qualified FROM tier_evaluation e
				LEFT JOIN (SELECT partner_id, max(effective_on) AS last FROM tier_change WHERE from_tier <> to_tier
				           GROUP BY partner_id) c
				       ON c.partner_id = e.partner_id
				WHERE e.week_start >= COALESCE(c.last, DATE '-infinity')
				ORDER BY e.partner_id, e.week_start
				""").query(rs -> {
			var tier = rs.getString(2);
			result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(tier == null ? null : Tier.valueOf(tier));
		});
		return result;
	}

	/**
	 * The tier each evaluation reached (null: unknown), oldest first, of the weeks
	 * starting on or after the partner's last change of its tier took effect (a history
	 * row that kept the tier, like an override extended, starts no new count).
	 */
	List<Tier> sinceLastChange(long partnerId) {
		return this.jdbc.sql("""
				SELECT e.qualified FROM tier_evaluation e
				WHERE e.partner_id = :partner
				  AND e.week_start >= COALESCE((SELECT max(effective_on) FROM tier_change
				                                WHERE partner_id = :partner AND from_tier <> to_tier), DATE '-infinity')
				ORDER BY e.week_start
				""")
			.param("partner", partnerId)
			.query((rs, n) -> rs.getString(1) == null ? null : Tier.valueOf(rs.getString(1)))
			.list();
	}

	long recordChange(long partnerId, Tier from, Tier to, LocalDate effectiveOn, String kind, BigDecimal[] scores,
			String reason, Long userId, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, readiness, behaviour, trust,
					                         reason, changed_by, changed_at)
					VALUES (:partner, :from, :to, :effective, :kind, :r, :b, :t, :reason, :by, :now) RETURNING id
					""")
			.param("partner", partnerId)
			.param("from", from.name())
			.param("to", to.name())
			.param("effective", Date.valueOf(effectiveOn))
			.param("kind", kind)
			.param("r", scores == null ? null : scores[0])
			.param("b", scores == null ? null : scores[1])
			.param("t", scores == null ? null : scores[2])
			.param("reason", reason)
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<TierChange> history(long partnerId) {
		return this.jdbc.sql(CHANGE + " WHERE c.partner_id = :partner ORDER BY c.effective_on DESC, c.id DESC")
			.param("partner", partnerId)
			.query(TierStore::change)
			.list();
	}

	/**
	 * Changes recorded, newest first; of some partners only when {@code partners} is set.
	 */
	List<TierChange> recent(List<Long> partners, int limit, int offset) {
		if (partners != null && partners.isEmpty()) {
			return List.of();
		}
		var where = partners == null ? "" : " WHERE c.partner_id IN (:partners)";
		var sql = this.jdbc.sql(CHANGE + where + " ORDER BY c.effective_on DESC, c.id DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset);
		if (partners != null) {
			sql.param("partners", partners);
		}
		return sql.query(TierStore::change).list();
	}

	/** How many changes {@link #recent} pages through. */
	long count(List<Long> partners) {
		if (partners != null && partners.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("SELECT count(*) FROM tier_change c" + (partners == null ? "" : " WHERE c.partner_id IN (:partners)"))
			.params(partners == null ? java.util.Map.<String, Object>of()
					: java.util.Map.<String, Object>of("partners", partners))
			.query(Long.class)
			.single();
	}

	/** The effective day of the last change that changed the tier, or null. */
	LocalDate lastChange(long partnerId) {
		return this.jdbc
			.sql("SELECT max(effective_on) FROM tier_change WHERE partner_id = :partner AND from_tier <> to_tier")
			.param("partner", partnerId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional()
			.orElse(null);
	}

	private static TierChange change(ResultSet rs, int n) throws SQLException {
		return new TierChange(rs.getLong(1), rs.getLong(2), rs.getString(3), Tier.valueOf(rs.getString(4)),
				Tier.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
				rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), rs.getString(12),
				rs.getTimestamp(13).toInstant());
	}

}
