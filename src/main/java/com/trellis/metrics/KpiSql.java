package com.trellis.metrics;

/**
 * The SQL of the KPIs that read deals, registrations or partners one by one, written per
 * slice so that a statement reads rows in proportion to the slice: the program reads kept
 * counts (module {@code facts}) and, for a median, only the middle bucket's rows; any
 * other slice (a PAM's book, a tier, one partner) starts from the slice's partners and
 * probes each partner's rows through an index led by {@code partner_id}, so a book of 200
 * partners never reads the program's 2,000,000 deals. Each method returns one statement
 * binding the parameters of {@link KpiRepository#bind}; what the figure means is written
 * beside it in {@link KpiRepository}.
 */
final class KpiSql {

	/** A slice's partners read from the table, narrowed by the slice's predicate. */
	static final String PARTNERS = "partner p";

	private KpiSql() {
	}

	/**
	 * Activated partners: numerator and denominator. The program reads the kept counts
	 * ({@link KpiRecencySql#recency}, measure {@code 'W'}: each partner's latest win),
	 * the partners whose latest win is at or after the as-of moment from the kept counts
	 * too, less those with a kept pause between wins covering the window
	 * ({@link KpiRecencySql#WON_AT_OR_AFTER}); a slice probes each of its partners' won
	 * deals in the window ({@code opportunity_won_partner_idx}).
	 */
	static String activated(Slice slice) {
		if (program(slice)) {
			return KpiRecencySql.recencyWith("W", "win_at", ":asOfMinus90", KpiRecencySql.WON_AT_OR_AFTER);
		}
		return activated(PARTNERS, slice.predicate());
	}

	/**
	 * A slice's activated partners over the partners {@code partners} (SQL of alias
	 * {@code p}: {@link #PARTNERS} or {@link KpiBookFigures#BOOK}) narrowed by
	 * {@code predicate}.
	 */
	static String activated(String partners, String predicate) {
		return """
				SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM opportunity o WHERE o.partner_id = p.id
				        AND o.stage = 'CLOSED_WON' AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf)), count(*)
				FROM %s WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND %s
				""".formatted(partners, predicate);
	}

	/**
	 * Active partner rate: numerator and denominator. The program reads the kept counts
	 * ({@link KpiRecencySql#recency}, measure {@code 'A'}: each partner's latest
	 * activity), the partners whose latest activity is at or after the as-of moment from
	 * the kept counts too, less those with a kept pause covering the window
	 * ({@link KpiRecencySql#ACTIVE_AT_OR_AFTER}); a slice reads its partners' latest
	 * activity ({@code partner_activity_fact}) and, for a partner whose latest activity
	 * is at or after the as-of moment (a past period), its events in the window
	 * ({@code activity_event_partner_time_idx}).
	 */
	static String activePartners(Slice slice) {
		if (program(slice)) {
			return KpiRecencySql.recencyWith("A", "activity_at", ":asOfMinus30", KpiRecencySql.ACTIVE_AT_OR_AFTER);
		}
		return activePartners(PARTNERS, slice.predicate());
	}

	/**
	 * A slice's active partner rate over {@code partners} (as
	 * {@link #activated(String, String)}).
	 */
	static String activePartners(String partners, String predicate) {
		return """
				SELECT count(*) FILTER (WHERE CASE WHEN a.last_at IS NULL THEN FALSE
				         WHEN a.last_at < :asOf THEN a.last_at >= :asOfMinus30
				         ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
				           AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) END), count(*)
				FROM %s LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
				WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') AND %s
				""".formatted(partners, predicate);
	}

	/**
	 * Time to first revenue: the median over the slice's partners whose first counted win
	 * falls in the period, read from each partner's first counted win
	 * ({@code partner_first_win_fact}, V117, counted by {@code shared.CountingWins}'
	 * rule): the program from its index on the first win alone, which carries the
	 * partner's onboarding day (V244, kept equal to the partner's), a slice partner by
	 * partner through its key.
	 */
	static String firstRevenue(Slice slice) {
		if (program(slice)) {
			return """
					SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE :zone AS DATE) - f.onboarded_on)
					FROM partner_first_win_fact f
					WHERE f.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to
					""";
		}
		return firstRevenue(PARTNERS, slice.predicate());
	}

	/**
	 * A slice's time to first revenue over {@code partners} (as
	 * {@link #activated(String, String)}).
	 */
	static String firstRevenue(String partners, String predicate) {
		var from = partners + " JOIN partner_first_win_fact f ON f.partner_id = p.id";
		return """
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(f.first_win AT TIME ZONE :zone AS DATE) - p.onboarded_on)
				FROM %s
				WHERE p.onboarded_on IS NOT NULL AND f.first_win >= :from AND f.first_win < :to AND %s
				"""
			.formatted(from, predicate);
	}

	/**
	 * Enablement completion rate: numerator and denominator at the as-of day. The program
	 * sums its kept day rows ({@code enablement_program_fact}, V116: the change of the
	 * count of users holding every required item per day, and the users with a track role
	 * on the row of day {@code -infinity}), a few thousand rows; a slice joins its
	 * partners' users with their held days ({@code enablement_held_fact}, V101).
	 */
	static String enablementCompletion(Slice slice) {
		if (program(slice)) {
			return """
					SELECT COALESCE(sum(f.held) FILTER (WHERE f.day <= :asOfDate), 0), COALESCE(sum(f.users), 0)
					FROM enablement_program_fact f
					""";
		}
		return enablementCompletion(PARTNERS, slice.predicate());
	}

	/**
	 * A slice's enablement completion over {@code partners} (as
	 * {@link #activated(String, String)}).
	 */
	static String enablementCompletion(String partners, String predicate) {
		return """
				WITH users AS (SELECT u.id, u.job_role FROM app_user u JOIN %s ON p.id = u.partner_id
				               WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND %s),
				required AS (SELECT DISTINCT t.role FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
				             WHERE i.required)
				SELECT count(*) FILTER (WHERE h.held @> CAST(:asOfDate AS DATE)), count(*)
				FROM users u JOIN required r ON r.role = u.job_role
				LEFT JOIN enablement_held_fact h ON h.user_id = u.id AND h.role = u.job_role
				""".formatted(partners, predicate);
	}

	/**
	 * Registration velocity: the median hours from submission to approval of the
	 * registrations approved in the period. The program reads the kept counts per
	 * approval day and decision hour ({@code registration_decision_fact}, V130) and then
	 * only the middle hour's approvals ({@code deal_registration_decision_hour_idx}), as
	 * {@link #keptMedian} does for the sales cycle: equal to {@code percentile_cont(0.5)}
	 * over {@code extract(epoch FROM approved_at - submitted_at) / 3600}; a slice reads
	 * its partners' approvals ({@code deal_registration_partner_approved_idx}, V130).
	 */
	static String registrationVelocity(Slice slice) {
		if (program(slice)) {
			return "SELECT ("
					+ KeptMedian.of(KeptMedian.MONTH_BOUNDS,
							"""
									SELECT f.hour AS bucket, CAST(sum(f.approved_count) AS BIGINT) AS n
									FROM registration_decision_fact f CROSS JOIN bounds b
									WHERE (f.month AND f.day >= b.mf AND f.day < b.mt
									       OR NOT f.month AND f.day >= :fromDate AND f.day < :toDate AND (f.day < b.mf OR f.day >= b.mt))
									GROUP BY f.hour HAVING sum(f.approved_count) > 0""",
							"""
									SELECT CAST(extract(epoch FROM d.approved_at - d.submitted_at) / 3600 AS DOUBLE PRECISION) AS value
									FROM deal_registration d
									WHERE d.approved_at IS NOT NULL
									  AND facts_decision_hour(d.submitted_at, d.approved_at) BETWEEN m.first_bucket AND m.last_bucket
									  AND d.approved_at >= :from AND d.approved_at < :to""")
					+ ")";
		}
		return registrationVelocity(PARTNERS, slice.predicate());
	}

	/**
	 * A slice's registration velocity over {@code partners} (as
	 * {@link #activated(String, String)}).
	 */
	static String registrationVelocity(String partners, String predicate) {
		return """
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
				FROM %s JOIN deal_registration r ON r.partner_id = p.id
				WHERE r.approved_at >= :from AND r.approved_at < :to AND %s
				"""
			.formatted(partners, predicate);
	}

	/**
	 * Sales cycle: the median days from creation to close of the won deals closed in the
	 * period, as two rows {@code (median, side)}: the slice's partner deals
	 * ({@code 'partner'}) and the direct deals of the whole program ({@code 'direct'}); a
	 * side without won deals has a null median. The program's partner side and the direct
	 * side (every slice) come from {@link #keptMedian}; a slice's partner side reads its
	 * partners' won deals of the period ({@code opportunity_won_partner_idx}), few per
	 * partner.
	 */
	static String salesCycle(Slice slice) {
		var partnerSide = program(slice) ? "SELECT (%s), 'partner' AS side".formatted(keptMedian(true))
				: salesCycle(PARTNERS, slice.predicate());
		return partnerSide + " UNION ALL SELECT (" + keptMedian(false) + "), 'direct'";
	}

	/**
	 * A slice's partner side of the sales cycle over {@code partners} (as
	 * {@link #activated(String, String)}), one row {@code (median, side)}.
	 */
	static String salesCycle(String partners, String predicate) {
		return """
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400),
				       'partner' AS side
				FROM %s JOIN opportunity o ON o.partner_id = p.id JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND %s
				"""
			.formatted(partners, predicate);
	}

	/**
	 * The exact median cycle in days ({@code double precision}, null without deals) of
	 * the won deals closed in the period with a partner ({@code involved}) or without,
	 * equal to {@code percentile_cont(0.5)} over {@code extract(epoch FROM closed_at -
	 * created_at) / 86400} of those deals (a rate for their currency required). Two steps
	 * (V128): the counts per whole cycle day from {@code won_cycle_fact} (the period's
	 * full calendar months from the month rows, its other days from the day rows) give
	 * the 0-based middle ranks {@code lo = (n - 1) / 2} and {@code hi = n / 2} and the
	 * cycle days holding them; only those cycle days' won deals of the period are read
	 * ({@code opportunity_won_cycle_day_idx}) and ranked after the deals of the shorter
	 * cycle days. As {@code percentile_cont}: the value at {@code lo} when {@code n} is
	 * odd, otherwise {@code lo + (hi - lo) * 0.5} in double precision.
	 */
	static String keptMedian(boolean involved) {
		return KeptMedian.of(KeptMedian.MONTH_BOUNDS, """
				SELECT f.cycle_day AS bucket, CAST(sum(f.won_count) AS BIGINT) AS n
				FROM won_cycle_fact f JOIN exchange_rate fx ON fx.currency = f.currency CROSS JOIN bounds b
				WHERE f.partner_involved = %1$s
				  AND (f.month AND f.day >= b.mf AND f.day < b.mt
				       OR NOT f.month AND f.day >= :fromDate AND f.day < :toDate AND (f.day < b.mf OR f.day >= b.mt))
				GROUP BY f.cycle_day HAVING sum(f.won_count) > 0""".formatted(involved ? "TRUE" : "FALSE"),
				"""
						SELECT CAST(extract(epoch FROM o.closed_at - o.created_at) / 86400 AS DOUBLE PRECISION) AS value
						FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
						WHERE o.stage = 'CLOSED_WON' AND facts_cycle_day(o.created_at, o.closed_at) BETWEEN m.first_bucket AND m.last_bucket
						  AND o.closed_at >= :from AND o.closed_at < :to AND o.partner_id IS %1$s NULL"""
					.formatted(involved ? "NOT" : ""));
	}

	/**
	 * The daily deal facts of the slice's partners, as {@code f}: the program's
	 * ({@code program_day_fact}, partners summed) for the program, otherwise each of the
	 * slice's partners' ({@code partner_day_fact} through
	 * {@code partner_day_fact_book_idx}, V138: index only). Both have {@code day},
	 * {@code credit_type}, {@code currency} and the same measures.
	 */
	static String sliceDays(Slice slice) {
		return sliceDays(slice, ":asOf");
	}

	/**
	 * As {@link #sliceDays(Slice)}, a cohort's members taken at the moment {@code asOf}
	 * (SQL, see {@link Slice#predicate(String)}).
	 */
	static String sliceDays(Slice slice, String asOf) {
		return program(slice) ? "program_day_fact f" : partnerDays(PARTNERS, slice.predicate(asOf));
	}

	/**
	 * The daily deal facts of {@code partners} (as {@link #activated(String, String)}).
	 */
	static String partnerDays(String partners, String predicate) {
		return partners + " JOIN partner_day_fact f ON f.partner_id = p.id AND " + predicate;
	}

	/**
	 * The open pipeline now of the slice's partners, as {@code f}: the program's
	 * ({@code program_open_fact}, partners summed, with {@link #partnerInvolved}) for the
	 * program, otherwise each of the slice's partners' ({@code open_pipeline_fact}
	 * through its key). Both have {@code credit_type}, {@code currency} and the open
	 * measures.
	 */
	static String sliceOpenPipeline(Slice slice) {
		return program(slice) ? "program_open_fact f" : openPipeline(PARTNERS, slice.predicate());
	}

	/**
	 * The open pipeline facts of {@code partners} (as
	 * {@link #activated(String, String)}).
	 */
	static String openPipeline(String partners, String predicate) {
		return partners + " JOIN open_pipeline_fact f ON f.partner_id = p.id AND " + predicate;
	}

	/**
	 * SQL over {@link #sliceDays} or {@link #sliceOpenPipeline} rows {@code f}: a fact of
	 * the slice's partners.
	 */
	static String partnerInvolved(Slice slice) {
		return program(slice) ? "f.partner_involved" : "TRUE";
	}

	/**
	 * The whole program's daily deal facts, as {@code f} (direct baselines and
	 * program-wide denominators, whatever the slice).
	 */
	static String programDays() {
		return "program_day_fact f";
	}

	static boolean program(Slice slice) {
		return slice.kind() == Slice.Kind.PROGRAM && slice.book() == null;
	}

}
