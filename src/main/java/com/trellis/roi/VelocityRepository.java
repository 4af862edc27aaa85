package com.trellis.roi;

import java.math.BigDecimal;
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
	 * The 200 partners of the scope most widely invited by reps between {@code from} and
	 * {@code to}: distinct reps, then invitations, then id. The invitations are counted
	 * per partner and rep first, then per partner (the distinct reps are the partner's
	 * pairs): one pass of hashing instead of sorting every invitation for a distinct
	 * count (issue 15: 98,000 invitations a quarter on the large data, sorted on disk).
	 */
	List<PullThrough> pullThrough(RoiScope scope, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					WITH scope AS (
					    SELECT p.id, p.name, p.tier FROM partner p
					    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
					      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
					),
					invites AS (
					    SELECT r.partner_id, r.requested_by AS rep, 1 AS request, 0 AS attachment FROM cosell_request r
					    JOIN scope s ON s.id = r.partner_id
					    WHERE r.requested_at >= :from AND r.requested_at < :to
					    UNION ALL
					    SELECT a.partner_id, a.attached_by, 0, 1 FROM deal_partner_attachment a
					    JOIN scope s ON s.id = a.partner_id
					    WHERE a.via = 'REP' AND a.attached_at >= :from AND a.attached_at < :to
					),
					pairs AS (
					    SELECT i.partner_id, sum(i.request) AS requests, sum(i.attachment) AS attachments, count(*) AS invites
					    FROM invites i JOIN app_user u ON u.id = i.rep AND u.role IN ('AE', 'SALES_MANAGER')
					    GROUP BY i.partner_id, i.rep
					),
					invited AS (
					    SELECT partner_id, sum(requests) AS requests, sum(attachments) AS attachments, sum(invites) AS invites,
					           count(*) AS reps
					    FROM pairs GROUP BY partner_id
					)
					SELECT s.id, s.name, s.tier, i.requests, i.attachments, i.invites, i.reps
					FROM invited i JOIN scope s ON s.id = i.partner_id
					ORDER BY i.reps DESC, i.invites DESC, s.id
					LIMIT 200
					""")
			.param("scopePartner", scope.partnerId())
			.param("pam", scope.pamId())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new PullThrough(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
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
