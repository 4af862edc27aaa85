package com.trellis.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ReportingCurrency;
import com.trellis.tiers.PartnerTiers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ForecastRepository {

	/**
	 * A deal's group: DIRECT, or PARTNER: and the tier its partner had on the day the
	 * deal was created (from the tier history; the partner's tier now when it never
	 * changed). Needs the {@code :zone} parameter.
	 */
	static final String GROUP = "CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER:' || COALESCE("
			+ PartnerTiers.tierOnSql("o.partner_id", "CAST(o.created_at AT TIME ZONE :zone AS DATE)") + ", p.tier) END";

	/** A deal's amount converted into the reporting currency, rounded once. */
	private static final String AMOUNT = ReportingCurrency.DEAL_AMOUNT;

	private final JdbcClient jdbc;

	/**
	 * For learning only: without the application's query timeout, because learning reads
	 * every stage move of every closed deal, which on millions of deals takes longer than
	 * a request may. It runs in the background (see {@link LiveModel}).
	 */
	private final JdbcClient learning;

	private final BusinessCalendar calendar;

	ForecastRepository(JdbcClient jdbc, DataSource dataSource, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.learning = JdbcClient.create(new JdbcTemplate(dataSource));
	}

	/**
	 * For each stage and group: closed deals that passed the stage, and how many were
	 * won.
	 */
	List<Map<String, Object>> history(Instant before) {
		return this.learning.sql("""
				SELECT sc.to_stage AS stage, %s AS grp, count(DISTINCT o.id) AS closed,
				       count(DISTINCT o.id) FILTER (WHERE o.stage = 'CLOSED_WON') AS won
				FROM opportunity o JOIN opportunity_stage_change sc ON sc.opportunity_id = o.id
				LEFT JOIN partner p ON p.id = o.partner_id
				WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND sc.to_stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				  AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR o.closed_at < :before)
				GROUP BY 1, 2
				""".formatted(GROUP))
			.param("before", before == null ? null : before.atOffset(java.time.ZoneOffset.UTC),
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("zone", this.calendar.zone().getId())
			.query((rs, n) -> Map.<String, Object>of("stage", rs.getString(1), "group", rs.getString(2), "closed",
					rs.getLong(3), "won", rs.getLong(4)))
			.list();
	}

	/**
	 * For each open stage: per group (and per coarse group, all partner deals), how many
	 * deals closed before {@code before} (all when null) spent time in it, and the median
	 * of their days there (a deal's visits to a stage are added up).
	 */
	List<Map<String, Object>> stageDurations(Instant before) {
		return this.learning
			.sql("""
					WITH visits AS (
					  SELECT sc.opportunity_id, sc.to_stage AS stage,
					         extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.changed_at, sc.id)
					           - sc.changed_at) / 86400 AS days
					  FROM opportunity_stage_change sc JOIN opportunity o ON o.id = sc.opportunity_id
					  WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
					    AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR o.closed_at < :before)),
					per_deal AS (
					  SELECT opportunity_id, stage, sum(days) AS days FROM visits
					  WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND days IS NOT NULL GROUP BY 1, 2)
					SELECT d.stage, %s AS grp, CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER' END AS coarse,
					       count(*) AS deals, percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS median
					FROM per_deal d JOIN opportunity o ON o.id = d.opportunity_id LEFT JOIN partner p ON p.id = o.partner_id
					GROUP BY GROUPING SETS ((1, 2), (1, 3))
					"""
				.formatted(GROUP))
			.param("before", before == null ? null : before.atOffset(java.time.ZoneOffset.UTC),
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("zone", this.calendar.zone().getId())
			.query((rs, n) -> Map.<String, Object>of("stage", rs.getString(1), "group",
					rs.getString(2) != null ? rs.getString(2) : rs.getString(3), "deals", rs.getLong(4), "median",
					BigDecimal.valueOf(rs.getDouble(5))))
			.list();
	}

	/**
	 * For each open stage: per group (and per coarse group, all partner deals), how many
	 * deals closed before {@code before} (all when null) passed it (row with
	 * {@code to = from}), and how many of those went through each other open stage after
	 * first entering it: the paths closed deals actually took.
	 */
	List<Map<String, Object>> stagePaths(Instant before) {
		return this.learning
			.sql("""
					WITH visits AS (
					  SELECT sc.opportunity_id, sc.to_stage AS stage, min(sc.changed_at) AS first_at, max(sc.changed_at) AS last_at
					  FROM opportunity_stage_change sc JOIN opportunity o ON o.id = sc.opportunity_id
					  WHERE o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND sc.to_stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					    AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR o.closed_at < :before)
					  GROUP BY 1, 2)
					SELECT f.stage AS from_stage, t.stage AS to_stage, %s AS grp,
					       CASE WHEN o.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER' END AS coarse, count(*) AS deals
					FROM visits f JOIN visits t ON t.opportunity_id = f.opportunity_id
					  AND (t.stage = f.stage OR t.last_at > f.first_at)
					JOIN opportunity o ON o.id = f.opportunity_id LEFT JOIN partner p ON p.id = o.partner_id
					GROUP BY GROUPING SETS ((1, 2, 3), (1, 2, 4))
					"""
				.formatted(GROUP))
			.param("before", before == null ? null : before.atOffset(java.time.ZoneOffset.UTC),
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("zone", this.calendar.zone().getId())
			.query((rs, n) -> Map.<String, Object>of("from", rs.getString(1), "to", rs.getString(2), "group",
					rs.getString(3) != null ? rs.getString(3) : rs.getString(4), "deals", rs.getLong(5)))
			.list();
	}

	/**
	 * The snapshots already taken in a week, as "kind:id:quarter", so that a repeated run
	 * computes no roll-up it would not store.
	 */
	java.util.Set<String> snapshotted(LocalDate week) {
		return new java.util.HashSet<>(this.jdbc.sql(
				"SELECT scope_kind || ':' || scope_id || ':' || quarter FROM forecast_snapshot WHERE week_start = :week")
			.param("week", Date.valueOf(week))
			.query(String.class)
			.list());
	}

	boolean snapshot(LocalDate week, String scopeKind, long scopeId, String quarter, Map<String, BigDecimal> figures,
			Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES (:week, :kind, :id, :quarter, :commit, :best, :weighted, :closed, :now) ON CONFLICT DO NOTHING
					""")
			.param("week", Date.valueOf(week))
			.param("kind", scopeKind)
			.param("id", scopeId)
			.param("quarter", quarter)
			.param("commit", figures.get("commit"))
			.param("best", figures.get("bestCase"))
			.param("weighted", figures.get("weighted"))
			.param("closed", figures.get("closed"))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * A scope's snapshots of a quarter, oldest first: the week key they were stored
	 * under, the figures, and {@code takenOn}, the business day they were taken on (what
	 * labels them).
	 */
	List<Map<String, Object>> snapshots(String scopeKind, long scopeId, String quarter) {
		return this.jdbc.sql("""
				SELECT week_start, commit, best_case, weighted, closed, taken_at FROM forecast_snapshot
				WHERE scope_kind = :kind AND scope_id = :id AND quarter = :quarter ORDER BY taken_at, week_start
				""")
			.param("kind", scopeKind)
			.param("id", scopeId)
			.param("quarter", quarter)
			.query((rs, n) -> Map.<String, Object>of("stored", rs.getObject(1, LocalDate.class), "commit",
					ReportingCurrency.round(rs.getBigDecimal(2)), "bestCase",
					ReportingCurrency.round(rs.getBigDecimal(3)), "weighted",
					ReportingCurrency.round(rs.getBigDecimal(4)), "closed",
					ReportingCurrency.round(rs.getBigDecimal(5)), "takenOn",
					this.calendar.dayOf(rs.getTimestamp(6).toInstant())))
			.list();
	}

	void call(long opportunityId, long userId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO forecast_call (opportunity_id, called_by, called_at) VALUES (:deal, :by, :now)
				ON CONFLICT (opportunity_id) DO UPDATE SET called_by = :by, called_at = :now
				""").param("deal", opportunityId).param("by", userId).param("now", Timestamp.from(now)).update();
	}

	void uncall(long opportunityId) {
		this.jdbc.sql("DELETE FROM forecast_call WHERE opportunity_id = :deal").param("deal", opportunityId).update();
	}

	boolean called(long opportunityId) {
		return this.jdbc.sql("SELECT count(*) FROM forecast_call WHERE opportunity_id = :deal")
			.param("deal", opportunityId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The first snapshot of the quarter starting on {@code quarterStart} taken on its
	 * first day or later (a snapshot taken before the quarter began is a forecast of a
	 * quarter to come, not one of its weeks), with the start of the quarter week it was
	 * taken in.
	 */
	java.util.Optional<CommittedForecast> firstSnapshot(String scopeKind, long scopeId, LocalDate quarterStart) {
		var quarter = this.calendar.quarterOf(quarterStart);
		return this.jdbc.sql("""
				SELECT quarter, taken_at, closed, commit FROM forecast_snapshot
				WHERE scope_kind = :kind AND scope_id = :id AND quarter = :quarter AND taken_at >= :start
				ORDER BY taken_at LIMIT 1
				""")
			.param("kind", scopeKind)
			.param("id", scopeId)
			.param("quarter", quarter.label())
			.param("start", Timestamp.from(this.calendar.start(quarter)))
			.query((rs, n) -> {
				var takenOn = this.calendar.dayOf(rs.getTimestamp(2).toInstant());
				var week = quarter.contains(takenOn) ? quarter.weekStart(quarter.weekOf(takenOn)) : takenOn;
				return new CommittedForecast(rs.getString(1), week, ReportingCurrency.round(rs.getBigDecimal(3)),
						ReportingCurrency.round(rs.getBigDecimal(4)));
			})
			.optional();
	}

	/** Converted closed-won of the program's deals closed in [from, to). */
	BigDecimal closedWon(LocalDate from, LocalDate to) {
		return closedWon("TRUE", null, from, to);
	}

	/** Converted closed-won of a scope's deals closed in [from, to). */
	BigDecimal closedWon(String scope, Long scopeId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT COALESCE(sum(%s), 0) FROM opportunity o
				JOIN exchange_rate fx ON fx.currency = o.currency LEFT JOIN partner p ON p.id = o.partner_id
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND %s
				""".formatted(AMOUNT, scope))
			.param("scopeId", scopeId == null ? 0L : scopeId)
			.param("from", Timestamp.from(this.calendar.startOf(from)))
			.param("to", Timestamp.from(this.calendar.startOf(to)))
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * The program's forecast for the quarter [qStart, qEnd) as it could have been made at
	 * {@code cutoff}: won before the cut-off in the quarter (from the stage history),
	 * plus each deal open at the cut-off (stage and entry time from the stage history)
	 * weighted by its probability when its norm-based expected close (no close date: its
	 * history is not kept) falls before the quarter's end.
	 */
	BigDecimal forecastAsOf(String probabilities, String norms, Instant cutoff, LocalDate qStart, LocalDate qEnd) {
		var sql = """
				WITH prob(stage, grp, p) AS (VALUES %s),
				norm(stage, grp, own, later) AS (VALUES %s),
				asof AS (
				  SELECT DISTINCT ON (sc.opportunity_id) sc.opportunity_id, sc.to_stage AS stage, sc.changed_at AS entered
				  FROM opportunity_stage_change sc WHERE sc.changed_at < :cutoff
				  ORDER BY sc.opportunity_id, sc.changed_at DESC, sc.id DESC),
				deal AS (
				  SELECT %s AS amount, a.stage, a.entered, %s AS grp
				  FROM asof a JOIN opportunity o ON o.id = a.opportunity_id JOIN exchange_rate fx ON fx.currency = o.currency
				  LEFT JOIN partner p ON p.id = o.partner_id)
				SELECT (SELECT COALESCE(sum(d.amount), 0) FROM deal d WHERE d.stage = 'CLOSED_WON' AND d.entered >= :qStartTs)
				     + (SELECT COALESCE(sum(d.amount * pr.p), 0) FROM deal d
				        JOIN prob pr ON pr.stage = d.stage AND pr.grp = d.grp
				        JOIN norm n ON n.stage = d.stage AND n.grp = d.grp
				        WHERE CAST(:today AS DATE) + GREATEST(n.own - GREATEST(CAST(:today AS DATE)
				          - CAST(d.entered AT TIME ZONE :zone AS DATE), 0), 0) + n.later < :qEnd)
				"""
			.formatted(probabilities, norms, AMOUNT, GROUP);
		var today = this.calendar.dayOf(cutoff);
		return this.jdbc.sql(sql)
			.param("cutoff", Timestamp.from(cutoff))
			.param("today", Date.valueOf(today))
			.param("qStartTs", Timestamp.from(this.calendar.startOf(qStart)))
			.param("qEnd", Date.valueOf(qEnd))
			.param("zone", this.calendar.zone().getId())
			.query(BigDecimal.class)
			.single();
	}

}
