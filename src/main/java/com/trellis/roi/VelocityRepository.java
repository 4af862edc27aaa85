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
	 * from the kept counts per quarter and partner ({@code roi_invite_partner_fact},
	 * V174: over the partner's kept invitations per inviting user,
	 * {@code roi_invite_fact} of V157, those of the users who are reps now, AE or sales
	 * manager: co-sell requests, the reps' deal attachments, their sum and the users), in
	 * the order of its index: the program's 200 are its quarter's first 200 entries
	 * (issue 15: the program's read grouped one row per partner and rep, ~40,000 a
	 * quarter on the large data).
	 */
	List<PullThrough> pullThrough(RoiScope scope, LocalDate quarterStart) {
		return this.jdbc
			.sql("""
					SELECT p.id, p.name, p.tier, f.requests, f.attachments, f.invites, f.reps
					FROM roi_invite_partner_fact f JOIN partner p ON p.id = f.partner_id
					WHERE f.quarter = :quarter
					  AND (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
					  AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
					ORDER BY f.reps DESC, f.invites DESC, f.partner_id
					LIMIT 200
					"""
				.replace("(CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)",
						scope.partnerId() == null ? "true" : "f.partner_id = :scopePartner")
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
