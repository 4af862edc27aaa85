package com.trellis.hygiene;

/**
 * The program-wide counts of three checks read from the open deals kept per day
 * ({@code hygiene_open_day_fact}, V133, kept by triggers on the deals) instead of an
 * index of every open deal; each states the same condition as the check's records, so the
 * count is exact and current (the tests compare each with the count over the deals). A
 * PAM's book and a sales manager's team still count their own deals.
 */
final class KeptCounts {

	/**
	 * MISSING_FIELDS: the open deals without an amount (or with 0), a close date or an
	 * account.
	 */
	static final String MISSING_FIELDS = """
			SELECT coalesce(sum(deals), 0) FROM hygiene_open_day_fact WHERE kind = 'missing'
			""";

	/**
	 * STALE_DEALS: per open stage, the deals that entered it on or before the cut-off
	 * (now less the stage's norm and one day): those of the days before the cut-off's UTC
	 * day summed from the kept days, and those of that one day counted from the deals
	 * ({@code opportunity_hygiene_stage_idx}) up to the cut-off instant. {@code :stages},
	 * {@code :days} and {@code :names} as the records' query binds them.
	 */
	static final String STALE_DEALS = """
			SELECT coalesce(sum(kept.n + boundary.n), 0)
			FROM unnest(CAST(:stages AS TEXT[]), CAST(:days AS INT[]), CAST(:names AS TEXT[])) AS norm(stage, days, name)
			CROSS JOIN LATERAL (SELECT CAST(:now AS TIMESTAMPTZ) - make_interval(days => norm.days + 1) AS moment) cut
			CROSS JOIN LATERAL (SELECT CAST(floor(extract(epoch FROM cut.moment) / 86400) AS INTEGER) AS day) cut_day
			CROSS JOIN LATERAL (SELECT coalesce(sum(f.deals), 0) AS n FROM hygiene_open_day_fact f
			    WHERE f.kind = 'entered' AND f.stage = norm.stage AND f.day < cut_day.day) kept
			CROSS JOIN LATERAL (SELECT count(*) AS n FROM opportunity o
			    WHERE o.stage = norm.stage AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
			      AND o.stage_entered_at >= to_timestamp(cut_day.day * 86400.0) AND o.stage_entered_at <= cut.moment) boundary
			""";

	/**
	 * SLIPPED_CLOSE_DATES: the open deals whose close date has passed (summed from the
	 * kept close dates) and those whose date was moved more than twice and has not passed
	 * (from the moves V105 keeps).
	 */
	static final String SLIPPED_CLOSE_DATES = """
			SELECT (SELECT coalesce(sum(deals), 0) FROM hygiene_open_day_fact
			        WHERE kind = 'close' AND day < CAST(:today AS DATE) - DATE '1970-01-01')
			     + (SELECT count(*) FROM hygiene_close_date_moves m JOIN opportunity o ON o.id = m.opportunity_id
			        WHERE m.moves > 2 AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
			          AND (o.close_date >= :today OR o.close_date IS NULL))
			""";

	private KeptCounts() {
	}

}
