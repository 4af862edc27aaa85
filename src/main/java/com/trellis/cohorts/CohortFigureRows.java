package com.trellis.cohorts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Cohorts page's stored figures as rows (V285): per scope ({@code 0} the program,
 * else the PAM's user id), cohort and week, the figures ({@code cohort_metric_week_kept},
 * a {@link CohortMetricWeek} each) and the journey ({@code cohort_journey_week_kept}, a
 * {@link CohortWeek} each) exactly as {@link CohortMetrics} and {@link JourneyRepository}
 * computed them (decimals with their scale). Written only by the daily job, in its
 * transaction ({@link CohortFigures}); read by the page by primary key, a page of the
 * table's cohorts and the chart's lines at a time.
 */
@Repository
class CohortFigureRows {

	private static final String METRICS = """
			SELECT cohort_id, cohort, week_start, fiscal_week, members, pipeline_created, currency, ae_referrals, wins,
			       win_velocity_days, activation_rate, readiness_p25, readiness_median, readiness_p75
			FROM cohort_metric_week_kept
			""";

	private static final String JOURNEY = """
			SELECT cohort_id, cohort, week_start, fiscal_week, awareness, activation, acceleration, moved
			FROM cohort_journey_week_kept
			""";

	/**
	 * Of one scope, some cohorts ({@code :ids}; every cohort when null) and the weeks
	 * from {@code :since} on (every stored week when null).
	 */
	private static final String WINDOW = """
			WHERE scope = :scope AND (CAST(:ids AS BIGINT[]) IS NULL OR cohort_id = ANY (CAST(:ids AS BIGINT[])))
			  AND (CAST(:since AS DATE) IS NULL OR week_start >= CAST(:since AS DATE))
			""";

	private static final String LATEST = " ORDER BY cohort_id, week_start DESC";

	private static final String IN_ORDER = " ORDER BY cohort_id, week_start";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CohortFigureRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Replaces every scope's figures by these (the caller's transaction). */
	void replaceMetrics(Map<Long, List<CohortMetricWeek>> byScope) {
		this.jdbc.sql("DELETE FROM cohort_metric_week_kept").update();
		var rows = new ArrayList<Object[]>();
		byScope.forEach((scope,
				weeks) -> weeks.forEach(m -> rows.add(new Object[] { scope, m.cohortId(), Date.valueOf(m.weekStart()),
						m.cohort(), m.fiscalWeek(), m.members(), m.pipelineCreated(), m.currency(), m.aeReferrals(),
						m.wins(), m.winVelocityDays(), m.activationRate(), m.readinessP25(), m.readinessMedian(),
						m.readinessP75() })));
		insert("""
				INSERT INTO cohort_metric_week_kept (scope, cohort_id, week_start, cohort, fiscal_week, members,
				  pipeline_created, currency, ae_referrals, wins, win_velocity_days, activation_rate, readiness_p25,
				  readiness_median, readiness_p75)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	/** Replaces every scope's journey by these (the caller's transaction). */
	void replaceJourney(Map<Long, List<CohortWeek>> byScope) {
		this.jdbc.sql("DELETE FROM cohort_journey_week_kept").update();
		var rows = new ArrayList<Object[]>();
		byScope.forEach((scope, weeks) -> weeks
			.forEach(w -> rows.add(new Object[] { scope, w.cohortId(), Date.valueOf(w.weekStart()), w.cohort(),
					w.fiscalWeek(), w.awareness(), w.activation(), w.acceleration(), w.moved() })));
		insert("""
				INSERT INTO cohort_journey_week_kept (scope, cohort_id, week_start, cohort, fiscal_week, awareness,
				  activation, acceleration, moved)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	/** A thousand rows a batch, not one statement a row. */
	private void insert(String sql, List<Object[]> rows) {
		this.template.batchUpdate(sql, rows, 1000, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				if (row[i] == null) {
					ps.setNull(i + 1, java.sql.Types.NUMERIC);
				}
				else {
					ps.setObject(i + 1, row[i]);
				}
			}
		});
	}

	/**
	 * Each of these cohorts' figures in its latest stored week from {@code since} on
	 * (null: of every stored week), by cohort id.
	 */
	Map<Long, CohortMetricWeek> latestMetrics(long scope, Collection<Long> cohortIds, LocalDate since) {
		var latest = new LinkedHashMap<Long, CohortMetricWeek>();
		window(METRICS.replace("SELECT ", "SELECT DISTINCT ON (cohort_id) ") + WINDOW + LATEST, scope, cohortIds, since)
			.query(CohortFigureRows::metric)
			.list()
			.forEach(m -> latest.put(m.cohortId(), m));
		return latest;
	}

	/** These cohorts' figures in every stored week, by cohort and week. */
	List<CohortMetricWeek> metrics(long scope, Collection<Long> cohortIds) {
		return metrics(scope, cohortIds, null);
	}

	/**
	 * These cohorts' figures (every cohort's when {@code cohortIds} is null) in the
	 * stored weeks from {@code since} on (every one when null), by cohort and week.
	 */
	List<CohortMetricWeek> metrics(long scope, Collection<Long> cohortIds, LocalDate since) {
		return window(METRICS + WINDOW + IN_ORDER, scope, cohortIds, since).query(CohortFigureRows::metric).list();
	}

	/**
	 * Each of these cohorts' journey in its latest stored week from {@code since} on
	 * (null: of every stored week), by cohort id.
	 */
	Map<Long, CohortWeek> latestJourney(long scope, Collection<Long> cohortIds, LocalDate since) {
		var latest = new LinkedHashMap<Long, CohortWeek>();
		window(JOURNEY.replace("SELECT ", "SELECT DISTINCT ON (cohort_id) ") + WINDOW + LATEST, scope, cohortIds, since)
			.query(CohortFigureRows::week)
			.list()
			.forEach(w -> latest.put(w.cohortId(), w));
		return latest;
	}

	/** These cohorts' journey in every stored week, by cohort and week. */
	List<CohortWeek> journey(long scope, Collection<Long> cohortIds) {
		return journey(scope, cohortIds, null);
	}

	/**
	 * These cohorts' journey (every cohort's when {@code cohortIds} is null) in the
	 * stored weeks from {@code since} on (every one when null), by cohort and week.
	 */
	List<CohortWeek> journey(long scope, Collection<Long> cohortIds, LocalDate since) {
		return window(JOURNEY + WINDOW + IN_ORDER, scope, cohortIds, since).query(CohortFigureRows::week).list();
	}

	private JdbcClient.StatementSpec window(String sql, long scope, Collection<Long> cohortIds, LocalDate since) {
		return this.jdbc.sql(sql)
			.param("scope", scope)
			.param("ids", cohortIds == null ? null : SqlIds.array(cohortIds), java.sql.Types.ARRAY)
			.param("since", since == null ? null : Date.valueOf(since), java.sql.Types.DATE);
	}

	/**
	 * The partners moving stage per fiscal week over every cohort of a scope, in the
	 * stored weeks from {@code since} on (as {@link CohortFigures#moves} sums them).
	 */
	java.util.TreeMap<String, Integer> moves(long scope, LocalDate since) {
		var byWeek = new java.util.TreeMap<String, Integer>();
		this.jdbc.sql("""
				SELECT fiscal_week, sum(moved) FROM cohort_journey_week_kept
				WHERE scope = :scope AND week_start >= :since GROUP BY fiscal_week""")
			.param("scope", scope)
			.param("since", Date.valueOf(since))
			.query((rs, n) -> byWeek.put(rs.getString(1), rs.getInt(2)))
			.list();
		return byWeek;
	}

	private static CohortWeek week(ResultSet rs, int n) throws SQLException {
		return new CohortWeek(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
				rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
	}

	private static CohortMetricWeek metric(ResultSet rs, int n) throws SQLException {
		return new CohortMetricWeek(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
				rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getBigDecimal(10),
				rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14));
	}

}
