package com.trellis.cohorts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journey's criteria, the facts placement reads (reporting SQL over activity, deals
 * and attachments, up to a cut-off only) and the weekly placements.
 */
@Repository
class JourneyRepository {

	private final JdbcClient jdbc;

	/**
	 * For the placement's read of every partner's facts, which only jobs make: without
	 * the request-sized query timeout ({@code spring.jdbc.template.query-timeout}), which
	 * a program of 40,000 partners passes.
	 */
	private final JdbcClient bulk;

	/** For the week's placements, written in batches. */
	private final org.springframework.jdbc.core.JdbcTemplate template;

	JourneyRepository(JdbcClient jdbc, javax.sql.DataSource dataSource,
			org.springframework.jdbc.core.JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.bulk = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	List<JourneyPlacement.Criteria> criteria() {
		return this.jdbc.sql("""
				SELECT stage, min_enablement_180d, min_deals_180d, min_wins_365d, min_ae_invites_365d
				FROM journey_stage ORDER BY position
				""")
			.query((rs, n) -> new JourneyPlacement.Criteria(JourneyStage.valueOf(rs.getString(1)), rs.getInt(2),
					rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

	void updateCriteria(JourneyPlacement.Criteria c) {
		this.jdbc.sql("""
				UPDATE journey_stage SET min_enablement_180d = :e, min_deals_180d = :d, min_wins_365d = :w,
				       min_ae_invites_365d = :a WHERE stage = :stage
				""")
			.param("e", c.minEnablement180())
			.param("d", c.minDeals180())
			.param("w", c.minWins365())
			.param("a", c.minAeInvites365())
			.param("stage", c.stage().name())
			.update();
	}

	/**
	 * The criteria cohorts set for themselves, by cohort (stages they did not set
	 * absent).
	 */
	Map<Long, List<JourneyPlacement.Criteria>> cohortCriteria() {
		var result = new HashMap<Long, List<JourneyPlacement.Criteria>>();
		this.jdbc.sql("""
				SELECT cohort_id, stage, min_enablement_180d, min_deals_180d, min_wins_365d, min_ae_invites_365d
				FROM cohort_journey_stage ORDER BY cohort_id, stage
				""")
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(new JourneyPlacement.Criteria(JourneyStage.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
						rs.getInt(5), rs.getInt(6))))
			.list();
		return result;
	}

	void setCohortCriteria(long cohortId, JourneyPlacement.Criteria c) {
		this.jdbc.sql("""
				INSERT INTO cohort_journey_stage (cohort_id, stage, min_enablement_180d, min_deals_180d, min_wins_365d,
				                                  min_ae_invites_365d)
				VALUES (:cohort, :stage, :e, :d, :w, :a)
				ON CONFLICT (cohort_id, stage) DO UPDATE SET min_enablement_180d = :e, min_deals_180d = :d,
				  min_wins_365d = :w, min_ae_invites_365d = :a
				""")
			.param("cohort", cohortId)
			.param("stage", c.stage().name())
			.param("e", c.minEnablement180())
			.param("d", c.minDeals180())
			.param("w", c.minWins365())
			.param("a", c.minAeInvites365())
			.update();
	}

	int clearCohortCriteria(long cohortId, JourneyStage stage) {
		return this.jdbc.sql("DELETE FROM cohort_journey_stage WHERE cohort_id = :cohort AND stage = :stage")
			.param("cohort", cohortId)
			.param("stage", stage.name())
			.update();
	}

	/**
	 * The partners of some cohorts at a moment (members then, of cohorts not retired).
	 */
	Map<Long, List<Long>> members(java.util.Collection<Long> cohortIds, Instant at) {
		var result = new HashMap<Long, List<Long>>();
		if (cohortIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT m.cohort_id, m.partner_id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
				WHERE m.cohort_id = ANY (CAST(:ids AS BIGINT[])) AND c.retired_at IS NULL AND m.valid_from < :at
				  AND (m.valid_to IS NULL OR m.valid_to >= :at)
				""")
			.param("ids", com.trellis.shared.SqlIds.array(cohortIds))
			.param("at", Timestamp.from(at))
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(rs.getLong(2)))
			.list();
		return result;
	}

	/**
	 * Every partner that existed and was not a prospect or sunset by the cut-off, with
	 * its facts counted up to it. Each count is one grouped pass over its window (not one
	 * look-up per partner: 40,000 partners made four correlated sub-queries each, about
	 * 80 s per week placed on the large demo).
	 */
	Map<Long, JourneyPlacement.Facts> facts(Instant end) {
		var facts = new HashMap<Long, JourneyPlacement.Facts>();
		this.bulk
			.sql("""
					WITH enablement AS (
					  SELECT e.partner_id, count(*) AS n FROM activity_event e
					  WHERE e.type IN ('TRAINING_COMPLETED', 'CERTIFICATION_EARNED')
					    AND e.occurred_at < :end AND e.occurred_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '180 days'
					  GROUP BY e.partner_id),
					created AS (
					  SELECT o.partner_id, count(*) AS n FROM opportunity o
					  WHERE o.partner_id IS NOT NULL
					    AND o.created_at < :end AND o.created_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '180 days'
					  GROUP BY o.partner_id),
					won AS (
					  SELECT o.partner_id, count(DISTINCT c.opportunity_id) AS n FROM opportunity_stage_change c
					  JOIN opportunity o ON o.id = c.opportunity_id
					  WHERE o.partner_id IS NOT NULL AND c.to_stage = 'CLOSED_WON'
					    AND c.changed_at < :end AND c.changed_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '365 days'
					  GROUP BY o.partner_id),
					invited AS (
					  SELECT d.partner_id, count(*) AS n FROM deal_partner_attachment d JOIN app_user u ON u.id = d.attached_by
					  WHERE d.via = 'REP' AND d.credit_type <> 'SOURCED' AND u.role IN ('AE', 'SALES_MANAGER')
					    AND d.attached_at < :end AND d.attached_at >= CAST(:end AS TIMESTAMPTZ) - INTERVAL '365 days'
					  GROUP BY d.partner_id)
					SELECT p.id, COALESCE(en.n, 0), COALESCE(cr.n, 0), COALESCE(wo.n, 0), COALESCE(iv.n, 0)
					FROM partner p
					LEFT JOIN enablement en ON en.partner_id = p.id
					LEFT JOIN created cr ON cr.partner_id = p.id
					LEFT JOIN won wo ON wo.partner_id = p.id
					LEFT JOIN invited iv ON iv.partner_id = p.id
					WHERE p.created_at < :end AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
					""")
			.param("end", Timestamp.from(end))
			.query((rs, n) -> facts.put(rs.getLong(1),
					new JourneyPlacement.Facts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
			.list();
		return facts;
	}

	/**
	 * Replaces a week's placements: by the program's criteria (cohort 0) and, for cohorts
	 * with criteria of their own, of their members by those.
	 */
	void replaceWeek(LocalDate weekStart, String fiscalWeek,
			Map<Long, Map<Long, JourneyPlacement.Placement>> byCohort) {
		this.jdbc.sql("DELETE FROM journey_placement WHERE week_start = :week")
			.param("week", Date.valueOf(weekStart))
			.update();
		var rows = new java.util.ArrayList<Object[]>();
		byCohort.forEach((cohort, placements) -> placements.forEach((partner, placement) -> rows.add(new Object[] {
				partner, Date.valueOf(weekStart), fiscalWeek, placement.stage().name(), placement.reason(), cohort })));
		// one batch per thousand rows, not one statement per partner
		this.template.batchUpdate("""
				INSERT INTO journey_placement (partner_id, week_start, fiscal_week, stage, reason, cohort_id)
				VALUES (?, ?, ?, ?, ?, ?)
				""", rows, 1000, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				ps.setObject(i + 1, row[i]);
			}
		});
	}

	boolean hasWeekBefore(LocalDate weekStart) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM journey_placement WHERE week_start < :week)")
			.param("week", Date.valueOf(weekStart))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Per cohort and week: partners in each stage and how many moved stage since their
	 * previous week, over the cohort's members at the end of that week (a PAM: only
	 * partners of the book).
	 */
	List<CohortWeek> weeks(LocalDate since, Long pam, java.time.ZoneId zone) {
		var byScope = new java.util.HashMap<Long, List<CohortWeek>>();
		read(JOURNEY.formatted("NULL", "(CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)", ""), since, pam, zone,
				byScope);
		return byScope.getOrDefault(null, List.of());
	}

	/**
	 * As {@link #weeks} for every PAM's book in one pass (the same SQL grouped by the
	 * partners' PAM as well), by the PAM's user id; a PAM none of whose partners is in a
	 * cohort has no entry.
	 */
	java.util.Map<Long, List<CohortWeek>> weeksByPam(LocalDate since, java.time.ZoneId zone) {
		var byScope = new java.util.LinkedHashMap<Long, List<CohortWeek>>();
		read(JOURNEY.formatted("p.owner_pam_id", "p.owner_pam_id IS NOT NULL", "p.owner_pam_id, "), since, null, zone,
				byScope);
		return byScope;
	}

	/**
	 * The journey per cohort and week (the scope column, its filter and its grouping are
	 * filled in): stage counts at the week's end and moves during it. A week ends where
	 * the next placed week starts (a quarter's last week may be longer than seven days),
	 * at midnight in the business zone ({@code :zone}), as {@link CohortMetrics} counts
	 * members.
	 */
	private static final String JOURNEY = """
			WITH weeks AS (
			  SELECT week_start,
			         CAST(coalesce(lead(week_start) OVER (ORDER BY week_start), week_start + 7) AS TIMESTAMP)
			           AT TIME ZONE :zone AS we
			  FROM (SELECT DISTINCT week_start FROM journey_placement WHERE week_start >= :since) w
			)
			SELECT %1$s, c.id, c.name, j.week_start, j.fiscal_week,
			  count(*) FILTER (WHERE j.stage = 'AWARENESS'),
			  count(*) FILTER (WHERE j.stage = 'ACTIVATION'),
			  count(*) FILTER (WHERE j.stage = 'ACCELERATION'),
			  count(*) FILTER (WHERE j.stage <> prev.stage)
			FROM journey_placement j0
			JOIN weeks wk ON wk.week_start = j0.week_start
			JOIN cohort_membership m ON m.partner_id = j0.partner_id
			  AND m.valid_from < wk.we AND (m.valid_to IS NULL OR m.valid_to >= wk.we)
			JOIN cohort c ON c.id = m.cohort_id
			JOIN partner p ON p.id = j0.partner_id
			CROSS JOIN LATERAL (SELECT x.stage, x.week_start, x.fiscal_week FROM journey_placement x
			                    WHERE x.partner_id = j0.partner_id AND x.week_start = j0.week_start
			                    AND x.cohort_id IN (0, c.id) ORDER BY x.cohort_id DESC LIMIT 1) j
			LEFT JOIN LATERAL (SELECT x.stage FROM journey_placement x WHERE x.partner_id = j0.partner_id
			                   AND x.week_start < j0.week_start AND x.cohort_id IN (0, c.id)
			                   ORDER BY x.week_start DESC, x.cohort_id DESC LIMIT 1) prev ON TRUE
			WHERE j0.cohort_id = 0 AND j0.week_start >= :since AND %2$s
			GROUP BY %3$sc.id, c.name, j.week_start, j.fiscal_week
			ORDER BY %3$sc.id, j.week_start
			""";

	private void read(String sql, LocalDate since, Long pam, java.time.ZoneId zone,
			java.util.Map<Long, List<CohortWeek>> byScope) {
		this.jdbc.sql(sql)
			.param("since", Date.valueOf(since))
			.param("pam", pam, java.sql.Types.BIGINT)
			.param("zone", zone.getId())
			.query((rs, n) -> {
				Long scope = rs.getObject(1) == null ? null : rs.getLong(1);
				byScope.computeIfAbsent(scope, k -> new java.util.ArrayList<>())
					.add(new CohortWeek(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
							rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
				return n;
			})
			.list();
	}

}
