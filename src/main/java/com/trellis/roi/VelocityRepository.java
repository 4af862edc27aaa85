package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reporting SQL of the pull-through and velocity views: co-sell requests and deal
 * attachments by the vendor's reps (AEs and sales managers), and each partner's
 * behaviour-score momentum from the weekly score history, in the same scope as the ROI.
 */
@Repository
class VelocityRepository {

	/** Weeks over which momentum is measured. */
	static final int MOMENTUM_WEEKS = 8;

	private final JdbcClient jdbc;

	VelocityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The 200 partners of the scope most widely invited by reps in the fiscal quarter
	 * that starts on {@code quarterStart}: distinct reps, then invitations, then id. Read
	 * from the kept invitations per quarter, partner and inviting user
	 * ({@code roi_invite_fact}, V157: co-sell requests and the reps' deal attachments,
	 * the quarter of each moment in the business zone), keeping the users who are reps
	 * now (AE, sales manager): one row per partner and rep instead of every invitation of
	 * the quarter (issue 15: 98,000 a quarter on the large data); the 200 are chosen
	 * before their names are read.
	 */
	List<PullThrough> pullThrough(RoiScope scope, LocalDate quarterStart) {
		return this.jdbc
			.sql("""
					WITH invited AS (
					    SELECT f.partner_id, sum(f.requests) AS requests, sum(f.attachments) AS attachments,
					           sum(f.requests + f.attachments) AS invites, count(*) AS reps
					    FROM roi_invite_fact f JOIN partner p ON p.id = f.partner_id
					    JOIN app_user u ON u.id = f.rep_id AND u.role IN ('AE', 'SALES_MANAGER')
					    WHERE f.quarter = :quarter
					      AND (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
					      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
					    GROUP BY f.partner_id
					    ORDER BY reps DESC, invites DESC, f.partner_id
					    LIMIT 200
					)
					SELECT p.id, p.name, p.tier, i.requests, i.attachments, i.invites, i.reps
					FROM invited i JOIN partner p ON p.id = i.partner_id
					ORDER BY i.reps DESC, i.invites DESC, p.id
					"""
				.replace("(CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)",
						scope.partnerId() == null ? "true" : "p.id = :scopePartner")
				.replace("(CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)",
						scope.pamId() == null ? "true" : "p.owner_pam_id = :pam"))
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("quarter", Date.valueOf(quarterStart))
			.query(VelocityRepository::pulled)
			.list();
	}

	private static PullThrough pulled(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new PullThrough(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
				rs.getLong(6), rs.getLong(7));
	}

	/**
	 * Each partner's behaviour momentum as of a day: its latest weekly behaviour score
	 * less the latest one at least {@link #MOMENTUM_WEEKS} weeks older; partners without
	 * both are absent.
	 */
	Map<Long, BigDecimal> momentum(RoiScope scope, LocalDate asOf) {
		var result = new HashMap<Long, BigDecimal>();
		this.jdbc
			.sql("""
					SELECT p.id, latest.score - earlier.score FROM partner p
					CROSS JOIN LATERAL (SELECT w.score, w.week_start FROM partner_score_week w
					    WHERE w.partner_id = p.id AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL AND w.week_start <= :asOf
					    ORDER BY w.week_start DESC LIMIT 1) latest
					CROSS JOIN LATERAL (SELECT w.score FROM partner_score_week w
					    WHERE w.partner_id = p.id AND w.pillar = 'BEHAVIOUR' AND w.score IS NOT NULL
					      AND w.week_start <= latest.week_start - :days
					    ORDER BY w.week_start DESC LIMIT 1) earlier
					WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
					  AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
					""")
			.param("asOf", Date.valueOf(asOf))
			.param("days", 7 * MOMENTUM_WEEKS)
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.query((rs, n) -> result.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return result;
	}

}
