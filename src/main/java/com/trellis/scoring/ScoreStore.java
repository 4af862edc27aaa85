package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PgCopy;
import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly score history: one row per partner, fiscal week and score, and the signals
 * behind it.
 */
@Repository
class ScoreStore {

	/**
	 * What a stored week says of one score (points: the learned weights' base points,
	 * basis and note: which weights and why) or one signal (note: how its learned points
	 * were computed).
	 */
	record Stored(BigDecimal value, BigDecimal points, String reason, String basis, String note) {
	}

	/** A page of current lines (names filled in by the caller) and the total. */
	record Lines(List<ScoreLine> lines, long total) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** For replacing a whole week: without the request-sized timeout. */
	private final JdbcClient bulk;

	ScoreStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.bulk = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	/**
	 * Replaces a week's rows of the partners scored with their scores as of {@code asOf}:
	 * one delete per table and the new rows streamed in with {@code COPY}, in the
	 * caller's transaction.
	 */
	@Transactional
	void replaceWeek(LocalDate weekStart, String fiscalWeek, LocalDate asOf, Map<Long, List<Score>> scores,
			Instant now) {
		var week = Date.valueOf(weekStart);
		var partners = scores.keySet().toArray(Long[]::new);
		for (var table : List.of("partner_score_week", "partner_signal_week")) {
			this.bulk.sql("DELETE FROM " + table + " WHERE week_start = :week AND partner_id = ANY(:partners)")
				.param("week", week)
				.param("partners", partners)
				.update();
		}
		// one COPY at a time: a connection carries a single COPY
		try (var rows = PgCopy.into(this.dataSource, "partner_score_week",
				List.of("partner_id", "week_start", "fiscal_week", "as_of", "pillar", "score", "unknown_reason",
						"computed_at", "basis", "basis_reason", "base_points"))) {
			scores.forEach((partner, list) -> {
				for (var score : list) {
					rows.row(partner, weekStart, fiscalWeek, asOf, score.pillar().name(), score.value(),
							score.unknownReason(), now, score.basis().kind(), score.basis().reason(),
							score.basis().basePoints());
				}
			});
			rows.finish();
		}
		try (var rows = PgCopy.into(this.dataSource, "partner_signal_week",
				List.of("partner_id", "week_start", "signal", "pillar", "value", "points", "reason", "note"))) {
			scores.forEach((partner, list) -> {
				for (var score : list) {
					for (var part : score.parts()) {
						rows.row(partner, weekStart, part.entry().signal().key(), score.pillar().name(),
								part.reading().value(), part.points(), part.reading().reason(), part.note());
					}
				}
			});
			rows.finish();
		}
	}

	/**
	 * Whether the first run's back-fill has stored the week starting on
	 * {@code weekStart}.
	 */
	boolean backfilled(LocalDate weekStart) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM scoring_backfill_week WHERE week_start = :week)")
			.param("week", Date.valueOf(weekStart))
			.query(Boolean.class)
			.single();
	}

	/** Records that the back-fill stored a week (in the week's own transaction). */
	void recordBackfill(LocalDate weekStart, int partners, Instant at) {
		this.jdbc.sql("""
				INSERT INTO scoring_backfill_week (week_start, partners, done_at) VALUES (:week, :partners, :at)
				ON CONFLICT (week_start) DO UPDATE SET partners = EXCLUDED.partners, done_at = EXCLUDED.done_at
				""")
			.param("week", Date.valueOf(weekStart))
			.param("partners", partners)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Whether any daily run has been recorded (the first run's back-fill is then done).
	 */
	boolean anyRun() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM scoring_run)").query(Boolean.class).single();
	}

	boolean hasWeekBefore(LocalDate weekStart) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_score_week WHERE week_start < :week)")
			.param("week", Date.valueOf(weekStart))
			.query(Boolean.class)
			.single();
	}

	/** The partner's latest scored week on or before a day, or null. */
	LocalDate latestWeek(long partnerId, LocalDate onOrBefore) {
		return this.jdbc
			.sql("SELECT max(week_start) FROM partner_score_week WHERE partner_id = :partner AND week_start <= :day")
			.param("partner", partnerId)
			.param("day", Date.valueOf(onOrBefore))
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(null);
	}

	/** A week's three scores of a partner, or null when the week has none. */
	Week week(long partnerId, LocalDate weekStart) {
		var scores = new HashMap<Pillar, Stored>();
		var header = new Object[2];
		this.jdbc.sql("""
				SELECT pillar, score, unknown_reason, as_of, fiscal_week, base_points, basis, basis_reason
				FROM partner_score_week
				WHERE partner_id = :partner AND week_start = :week
				""").param("partner", partnerId).param("week", Date.valueOf(weekStart)).query((rs, n) -> {
			scores.put(Pillar.valueOf(rs.getString(1)), new Stored(rs.getBigDecimal(2), rs.getBigDecimal(6),
					rs.getString(3), rs.getString(7), rs.getString(8)));
			header[0] = rs.getObject(4, LocalDate.class);
			header[1] = rs.getString(5);
			return true;
		}).list();
		return scores.isEmpty() ? null
				: new Week((LocalDate) header[0], (String) header[1], scores, signals(partnerId, weekStart));
	}

	/**
	 * A stored week: when it was computed as of, its label, its scores and their signals.
	 */
	record Week(LocalDate asOf, String fiscalWeek, Map<Pillar, Stored> scores, Map<String, Stored> signals) {
	}

	/** Each signal's row of a week: key → (value, points, reason). */
	private Map<String, Stored> signals(long partnerId, LocalDate weekStart) {
		var result = new HashMap<String, Stored>();
		this.jdbc.sql("""
				SELECT signal, value, points, reason, note FROM partner_signal_week
				WHERE partner_id = :partner AND week_start = :week
				""")
			.param("partner", partnerId)
			.param("week", Date.valueOf(weekStart))
			.query((rs, n) -> result.put(rs.getString(1),
					new Stored(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4), null, rs.getString(5))))
			.list();
		return result;
	}

	List<WeekScores> history(long partnerId) {
		return this.jdbc.sql("""
				SELECT week_start, fiscal_week,
				       max(score) FILTER (WHERE pillar = 'READINESS'), max(score) FILTER (WHERE pillar = 'BEHAVIOUR'),
				       max(score) FILTER (WHERE pillar = 'TRUST')
				FROM partner_score_week WHERE partner_id = :partner
				GROUP BY week_start, fiscal_week ORDER BY week_start
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new WeekScores(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * The latest week's scores of some partners (all when {@code partners} is null), with
	 * the move since the week before, ordered by a score (nulls last) or by partner. The
	 * latest week is the newest stored on or before {@code thisWeek}: a week stored ahead
	 * of the clock (a clock set back) is not today's; the week before is the newest
	 * stored before it. Read from the kept lines ({@code partner_score_line}, V274: one
	 * row per week and partner, kept from {@code partner_score_week} by its triggers):
	 * the page by the sorted score's index, each shown line's week before by primary key,
	 * the count from an index alone (a PAM's book, bound as one array: by primary key).
	 */
	Lines current(List<Long> partners, String sort, PageRequest page, LocalDate thisWeek) {
		if (partners != null && partners.isEmpty()) {
			return new Lines(List.of(), 0);
		}
		var narrow = partners == null ? "" : " AND l.partner_id = ANY (CAST(:partners AS BIGINT[]))";
		var order = switch (sort) {
			case "readiness", "behaviour", "trust" -> "l." + sort + " DESC NULLS LAST, l.partner_id";
			default -> "l.partner_id";
		};
		var select = this.jdbc
			.sql("""
					WITH cur AS (SELECT max(week_start) AS week FROM partner_score_line WHERE week_start <= :week),
					page AS (
					    SELECT l.* FROM partner_score_line l
					    WHERE l.week_start = (SELECT week FROM cur)%1$s
					    ORDER BY %2$s LIMIT :limit OFFSET :offset
					)
					SELECT l.partner_id, l.fiscal_week, l.readiness, l.readiness - b.readiness, l.behaviour,
					       l.behaviour - b.behaviour, l.trust, l.trust - b.trust,
					       -- why a score is unknown, read only for a shown line with one (try71b)
					       CASE WHEN l.readiness IS NULL OR l.behaviour IS NULL OR l.trust IS NULL THEN
					           -- one reason for all three is said once
					           (SELECT CASE WHEN count(*) = 3 AND count(DISTINCT w.unknown_reason) = 1
					                        THEN min(w.unknown_reason)
					                        ELSE string_agg(lower(w.pillar) || ': ' || w.unknown_reason, '; ' ORDER BY w.pillar) END
					            FROM partner_score_week w
					            WHERE w.partner_id = l.partner_id AND w.week_start = l.week_start
					              AND w.unknown_reason IS NOT NULL) END
					FROM page l
					LEFT JOIN partner_score_line b ON b.partner_id = l.partner_id
					     AND b.week_start = (SELECT max(week_start) FROM partner_score_line
					                         WHERE week_start < (SELECT week FROM cur))
					ORDER BY %2$s
					"""
				.formatted(narrow, order));
		var count = this.jdbc.sql("""
				SELECT count(*) FROM partner_score_line l
				WHERE l.week_start = (SELECT max(week_start) FROM partner_score_line WHERE week_start <= :week)%s
				""".formatted(narrow));
		select.param("week", Date.valueOf(thisWeek));
		count.param("week", Date.valueOf(thisWeek));
		if (partners != null) {
			select.param("partners", SqlIds.array(partners));
			count.param("partners", SqlIds.array(partners));
		}
		var lines = select.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new ScoreLine(rs.getLong(1), null, rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getString(9)))
			.list();
		return new Lines(lines, count.query(Long.class).single());
	}

	boolean ranOn(LocalDate day) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM scoring_run WHERE day = :day)")
			.param("day", Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	void recordRun(LocalDate day, int partners, int weeks, Instant started, Instant finished) {
		this.jdbc.sql("""
				INSERT INTO scoring_run (day, partners, weeks, started_at, finished_at)
				VALUES (:day, :partners, :weeks, :started, :finished)
				""")
			.param("day", Date.valueOf(day))
			.param("partners", partners)
			.param("weeks", weeks)
			.param("started", Timestamp.from(started))
			.param("finished", Timestamp.from(finished))
			.update();
	}

	/**
	 * Tries the run's lock for this transaction; false when another instance holds it.
	 */
	boolean lockRun() {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('scoring-daily-run', 0))")
			.query(Boolean.class)
			.single();
	}

}
