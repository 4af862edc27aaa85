package com.trellis.leads;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.Reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leads' figures per rep for reporting: received, accepted, follow-up due and
 * followed up in time, counted in leads, for the leads routed in a period (a route a rep
 * missed before the lead went to another counted for them too). Split from
 * {@link LeadRepository}.
 */
@Repository
class LeadFigureRepository {

	/** Read-only reporting: the read replica when one is configured. */
	private final JdbcClient jdbc;

	LeadFigureRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per rep, leads routed in [from, to) and what became of them, as of now, from every
	 * lead of the period ({@code partner_lead_rep_figures_idx}).
	 */
	Map<Long, LeadFigures> figures(Collection<Long> reps, Instant from, Instant to, Instant now) {
		return figures(PER_LEAD, reps, from, to, null, null, now);
	}

	/**
	 * The same figures when {@code from} and {@code to} start the business days
	 * {@code fromDate} and {@code untilDate}: read from the counts kept per rep and day
	 * of routing ({@code lead_rep_fact}, V198; whole months from their month rows), with
	 * the period's leads not yet followed up whose deadline has passed by now
	 * ({@code partner_lead_follow_up_open_idx}) added to the followed-up ones as due.
	 */
	Map<Long, LeadFigures> figures(Collection<Long> reps, Instant from, Instant to, LocalDate fromDate,
			LocalDate untilDate, Instant now) {
		return figures(KEPT, reps, from, to, fromDate, untilDate, now);
	}

	private Map<Long, LeadFigures> figures(String sql, Collection<Long> reps, Instant from, Instant to,
			LocalDate fromDate, LocalDate untilDate, Instant now) {
		var figures = new HashMap<Long, LeadFigures>();
		if (reps.isEmpty()) {
			return figures;
		}
		var statement = this.jdbc.sql(sql)
			.param("reps", reps.toArray(Long[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now));
		if (fromDate != null) {
			statement = statement.param("fromDate", java.sql.Date.valueOf(fromDate))
				.param("toDate", java.sql.Date.valueOf(untilDate));
		}
		statement.query((rs, n) -> figures.put(rs.getLong(1),
				new LeadFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		return figures;
	}

	/**
	 * Per rep: received, accepted, follow-up due, followed up in time; from each lead and
	 * each route a rep missed before the lead went to another ({@code
	 * partner_lead_missed_route}, V311: counted as a lead declined when routed away). Due
	 * is a lead followed up (declined later or not), declined after its deadline without
	 * a follow-up, or still open with its deadline passed by now.
	 */
	static final String PER_LEAD = """
			WITH l AS (
			  SELECT rep_id, status, first_follow_up_at, follow_up_due_at, decided_at FROM partner_lead
			  WHERE rep_id = ANY (:reps) AND routed_at >= :from AND routed_at < :to
			  UNION ALL
			  SELECT rep_id, 'DECLINED', NULL, follow_up_due_at, ended_at FROM partner_lead_missed_route
			  WHERE rep_id = ANY (:reps) AND routed_at >= :from AND routed_at < :to)
			SELECT rep_id, count(*),
			       count(*) FILTER (WHERE status = 'ACCEPTED'),
			       count(*) FILTER (WHERE first_follow_up_at IS NOT NULL
			                        OR status = 'DECLINED' AND decided_at > follow_up_due_at
			                        OR status <> 'DECLINED' AND follow_up_due_at <= :now),
			       count(*) FILTER (WHERE first_follow_up_at <= follow_up_due_at)
			FROM l GROUP BY rep_id
			""";

	/**
	 * The same from the kept counts: the period's whole calendar months [mf, mt) from the
	 * month rows, its other days from the day rows.
	 */
	static final String KEPT = """
			WITH bounds AS (
			  SELECT CAST(date_trunc('month', CAST(:fromDate AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
			         CAST(date_trunc('month', CAST(:toDate AS TIMESTAMP)) AS DATE) AS mt),
			kept AS (
			  SELECT f.rep_id, f.received, f.accepted, f.followed, f.in_time FROM lead_rep_fact f CROSS JOIN bounds b
			  WHERE f.month AND f.day >= b.mf AND f.day < b.mt AND f.rep_id = ANY (:reps)
			  UNION ALL
			  SELECT f.rep_id, f.received, f.accepted, f.followed, f.in_time FROM lead_rep_fact f CROSS JOIN bounds b
			  WHERE NOT f.month AND f.day >= :fromDate AND f.day < :toDate AND NOT (f.day >= b.mf AND f.day < b.mt)
			    AND f.rep_id = ANY (:reps)),
			overdue AS (
			  SELECT rep_id, count(*) AS leads FROM partner_lead
			  WHERE rep_id = ANY (:reps) AND routed_at >= :from AND routed_at < :to
			    AND status <> 'DECLINED' AND first_follow_up_at IS NULL AND follow_up_due_at <= :now
			  GROUP BY rep_id)
			SELECT k.rep_id, k.received, k.accepted, k.followed + COALESCE(o.leads, 0), k.in_time
			FROM (SELECT rep_id, sum(received) AS received, sum(accepted) AS accepted, sum(followed) AS followed,
			             sum(in_time) AS in_time
			      FROM kept GROUP BY rep_id) k
			LEFT JOIN overdue o ON o.rep_id = k.rep_id
			WHERE k.received > 0
			""";

}
