package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the stored weekly scores for the high-potential and drift lists, and keeps each
 * partner's drift state and the alerts raised to its PAM.
 */
@Repository
class IntelligenceStore {

	/** A stored drift alert. */
	record Alert(long partnerId, Pillar pillar, String state, BigDecimal slope, LocalDate weekStart, String reason,
			String signals, Instant raisedAt) {
	}

	private final JdbcClient jdbc;

	IntelligenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest scored weeks, newest first (at most {@code count}). */
	List<LocalDate> latestWeeks(int count) {
		return this.jdbc.sql("""
				SELECT DISTINCT week_start FROM partner_score_week ORDER BY week_start DESC LIMIT :count
				""").param("count", count).query(LocalDate.class).list();
	}

	/**
	 * Every partner's scores in some weeks: partner → pillar → week → score (null:
	 * unknown).
	 */
	Map<Long, Map<Pillar, Map<LocalDate, BigDecimal>>> scores(List<LocalDate> weeks) {
		var result = new HashMap<Long, Map<Pillar, Map<LocalDate, BigDecimal>>>();
		if (weeks.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("SELECT partner_id, pillar, week_start, score FROM partner_score_week WHERE week_start IN (:weeks)")
			.param("weeks", weeks.stream().map(Date::valueOf).toList())
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), p -> new HashMap<>())
				.computeIfAbsent(Pillar.valueOf(rs.getString(2)), p -> new HashMap<>())
				.put(rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
			.list();
		return result;
	}

	/** Signal points of some partners in a week: partner → signal key → points. */
	Map<Long, Map<String, BigDecimal>> points(List<Long> partners, LocalDate week) {
		var result = new HashMap<Long, Map<String, BigDecimal>>();
		for (int from = 0; from < partners.size(); from += 5000) {
			this.jdbc.sql("""
					SELECT partner_id, signal, points FROM partner_signal_week
					WHERE week_start = :week AND partner_id IN (:partners) AND points IS NOT NULL
					""")
				.param("week", Date.valueOf(week))
				.param("partners", partners.subList(from, Math.min(partners.size(), from + 5000)))
				.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), p -> new HashMap<>())
					.put(rs.getString(2), rs.getBigDecimal(3)))
				.list();
		}
		return result;
	}

	/** Each partner's stored drift state per score. */
	Map<Long, Map<Pillar, String>> driftStates() {
		var result = new HashMap<Long, Map<Pillar, String>>();
		this.jdbc.sql("SELECT partner_id, pillar, state FROM score_drift")
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), p -> new HashMap<>())
				.put(Pillar.valueOf(rs.getString(2)), rs.getString(3)))
			.list();
		return result;
	}

	/**
	 * Stores the drift decisions of a week: partner, score and decision per row, in one
	 * statement.
	 */
	void saveDrifts(List<Object[]> decisions, LocalDate week) {
		if (decisions.isEmpty()) {
			return;
		}
		int n = decisions.size();
		var partners = new Long[n];
		var pillars = new String[n];
		var states = new String[n];
		var slopes = new String[n];
		var reasons = new String[n];
		for (int i = 0; i < n; i++) {
			var d = decisions.get(i);
			var decision = (ScoreDrift.Decision) d[2];
			partners[i] = (Long) d[0];
			pillars[i] = ((Pillar) d[1]).name();
			states[i] = decision.state().name();
			slopes[i] = Double.isNaN(decision.slope()) ? null : BigDecimal.valueOf(decision.slope()).toPlainString();
			reasons[i] = decision.reason();
		}
		this.jdbc.sql("""
				INSERT INTO score_drift (partner_id, pillar, state, slope, week_start, reason)
				SELECT d.partner_id, d.pillar, d.state, CAST(d.slope AS NUMERIC(7, 2)), :week, d.reason
				FROM unnest(CAST(:partners AS BIGINT[]), CAST(:pillars AS TEXT[]), CAST(:states AS TEXT[]),
				            CAST(:slopes AS TEXT[]), CAST(:reasons AS TEXT[]))
				     AS d (partner_id, pillar, state, slope, reason)
				ON CONFLICT (partner_id, pillar) DO UPDATE
				SET state = excluded.state, slope = excluded.slope, week_start = excluded.week_start,
				    reason = excluded.reason
				""")
			.param("partners", partners)
			.param("pillars", pillars)
			.param("states", states)
			.param("slopes", slopes)
			.param("reasons", reasons)
			.param("week", Date.valueOf(week))
			.update();
	}

	/** Records an alert; false when this partner, score and week has one already. */
	boolean raise(Alert alert) {
		return this.jdbc.sql("""
				INSERT INTO score_drift_alert (partner_id, pillar, state, slope, week_start, reason, signals, raised_at)
				VALUES (:partner, :pillar, :state, :slope, :week, :reason, :signals, :at)
				ON CONFLICT (partner_id, pillar, week_start) DO NOTHING
				""")
			.param("partner", alert.partnerId())
			.param("pillar", alert.pillar().name())
			.param("state", alert.state())
			.param("slope", alert.slope())
			.param("week", Date.valueOf(alert.weekStart()))
			.param("reason", alert.reason())
			.param("signals", alert.signals())
			.param("at", Timestamp.from(alert.raisedAt()))
			.update() == 1;
	}

	/**
	 * The latest alert of each partner and score still in force (the drift state is still
	 * the alert's; of two raised at the same moment, the later week's), for some partners
	 * (all: null), in partner and score order. The building and stalling drifts are read
	 * first (V275: a partial index; a PAM's book bound as one array) and joined to their
	 * alerts of that state: hashed for the whole program, probed by index for a book.
	 */
	List<Alert> currentAlerts(List<Long> partners) {
		if (partners != null && partners.isEmpty()) {
			return List.of();
		}
		var result = new ArrayList<Alert>();
		var sql = this.jdbc.sql("""
				SELECT DISTINCT ON (d.partner_id, d.pillar) a.partner_id, a.pillar, a.state, a.slope, a.week_start,
				       a.reason, a.signals, a.raised_at
				FROM score_drift d
				JOIN score_drift_alert a ON a.partner_id = d.partner_id AND a.pillar = d.pillar AND a.state = d.state
				WHERE d.state IN ('BUILDING', 'STALLING')%s
				ORDER BY d.partner_id, d.pillar, a.raised_at DESC, a.week_start DESC
				""".formatted(partners == null ? "" : " AND d.partner_id = ANY (CAST(:partners AS BIGINT[]))"));
		if (partners != null) {
			sql.param("partners", SqlIds.array(partners));
		}
		sql.query((rs,
				n) -> result.add(new Alert(rs.getLong(1), Pillar.valueOf(rs.getString(2)), rs.getString(3),
						rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
						rs.getTimestamp(8).toInstant())))
			.list();
		return result;
	}

}
