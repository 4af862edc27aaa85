package com.trellis.leads;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.Reporting;
import com.trellis.shared.WholeMonths;

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
		return figures(PER_LEAD, reps, from, to, Map.of(), now);
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
		var kept = WholeMonths.union(fromDate, untilDate,
				"SELECT rep_id, received, accepted, followed, in_time FROM lead_rep_fact"
						+ " WHERE month AND day >= :wholeFrom AND day < :wholeUntil AND rep_id = ANY (:reps)",
				"SELECT rep_id, received, accepted, followed, in_time FROM lead_rep_fact"
						+ " WHERE NOT month AND day >= :dayFrom AND day < :dayUntil AND rep_id = ANY (:reps)");
		return figures(KEPT.formatted(kept.sql()), reps, from, to, kept.parameters(), now);
	}

	private Map<Long, LeadFigures> figures(String sql, Collection<Long> reps, Instant from, Instant to,
			Map<String, Object> parameters, Instant now) {
		var figures = new HashMap<Long, LeadFigures>();
		if (reps.isEmpty()) {
			return figures;
		}
		this.jdbc.sql(sql)
			.param("reps", reps.toArray(Long[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.params(parameters)
			.query((rs, n) -> figures.put(rs.getLong(1),
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
	 * The same from the kept counts: the period's whole calendar months from the month
	 * rows, its other days from the day rows ({@code %s}: their parts, each a plain range
	 * of days, {@link WholeMonths}), and each lead of the period still open past its
	 * deadline as one more due. One grouping and no join: s66 found this statement's
	 * generic plan (chosen by PostgreSQL after five runs of the prepared statement)
	 * estimating one rep and running the overdue leads' aggregate once per rep, 250-430
	 * ms for an admin's 400 reps on the large data against 8 ms; and with the months'
	 * bounds computed in the statement it read every day row of the period (13.7 ms
	 * against 3.9).
	 */
	static final String KEPT = """
			WITH kept AS (
			  %s
			  UNION ALL
			  SELECT rep_id, 0, 0, 1, 0 FROM partner_lead
			  WHERE rep_id = ANY (:reps) AND routed_at >= :from AND routed_at < :to
			    AND status <> 'DECLINED' AND first_follow_up_at IS NULL AND follow_up_due_at <= :now)
			SELECT rep_id, sum(received), sum(accepted), sum(followed), sum(in_time)
			FROM kept GROUP BY rep_id HAVING sum(received) > 0
			""";

}
