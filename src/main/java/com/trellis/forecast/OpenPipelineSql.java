package com.trellis.forecast;

/**
 * The roll-up's CTEs over the open pipeline the database keeps (V110) for the program and
 * its partner deals: {@code forecast_open_fact}, the open deals' converted amounts summed
 * per stage, group, partner involvement, call, stage entry day and close month, and
 * {@code forecast_open_deal}, one row per open deal, for the deal lines. The expected
 * close is the rule of {@link ExpectedClose} with the close month in place of the close
 * date: quarters start on the first of a month, so the later of a date and a close date
 * falls in a quarter exactly when the later of that date and the first of the close
 * date's month does. Binds {@code :today}, {@code :qStart} and {@code :qEnd}.
 */
final class OpenPipelineSql {

	/** The part of the program that is its partner deals, over the sums or the deals. */
	static final String PARTNER_INVOLVED = "f.partner_involved";

	private static final String EXPECTED = """
			GREATEST(CAST(:today AS DATE) + GREATEST(n.own - GREATEST(CAST(:today AS DATE) - f.entered_day, 0), 0)
			  + n.later, f.close_month)""";

	private OpenPipelineSql() {
	}

	/**
	 * Whether the kept open pipeline serves the scope: the program or its partner deals.
	 */
	static boolean covers(Scope scope) {
		return scope.kind() == Scope.Kind.PROGRAM || scope.kind() == Scope.Kind.PARTNERS;
	}

	private static String where(Scope scope) {
		return (scope.kind() == Scope.Kind.PARTNERS ? PARTNER_INVOLVED : "TRUE") + " AND " + EXPECTED
				+ " >= :qStart AND " + EXPECTED + " < :qEnd";
	}

	/**
	 * {@code counted(amount, p, called, in_part, expected)}: the sums expected to close
	 * from {@code :qStart} to {@code :qEnd} (the amount of a row times the probability of
	 * its stage and group is the sum of its deals' amounts times it; the expected close
	 * of a row is that of its deals as far as quarters starting on the first of a month
	 * tell them apart).
	 */
	static String counted(Scope scope, String inPart) {
		return """
				counted AS MATERIALIZED (
				  SELECT f.amount_reporting AS amount, pr.p, f.called, %s AS in_part, %s AS expected
				  FROM forecast_open_fact f JOIN norm n ON n.stage = f.stage AND n.grp = f.grp
				  JOIN prob pr ON pr.stage = f.stage AND pr.grp = f.grp
				  WHERE %s)
				""".formatted(inPart, EXPECTED, where(scope));
	}

	/**
	 * {@code top(id, stage, grp, amount, p, called)}: the largest {@code :limit} open
	 * deals expected to close in the quarter, looked for among the {@code window} largest
	 * open deals (read in order from {@code forecast_open_deal_amount_idx}), or among all
	 * of them when {@code window} is 0. The largest {@code :limit} of a window are the
	 * largest of all whenever the window holds {@code :limit} deals of the quarter: every
	 * deal outside it comes later in the order (amount descending, then id). The planner
	 * cannot see how many deals the quarter keeps (the expected close is computed), so
	 * without the window it sorts every open deal (1.8 s on 212,000 deals).
	 */
	static String top(Scope scope, int window) {
		var deals = window > 0 ? """
				(SELECT * FROM forecast_open_deal ORDER BY amount_reporting DESC, opportunity_id LIMIT %d) f"""
			.formatted(window) : "forecast_open_deal f";
		return """
				top AS (
				  SELECT f.opportunity_id AS id, f.stage, f.grp, f.amount_reporting AS amount, pr.p, f.called
				  FROM %s JOIN norm n ON n.stage = f.stage AND n.grp = f.grp
				  JOIN prob pr ON pr.stage = f.stage AND pr.grp = f.grp
				  WHERE %s
				  ORDER BY f.amount_reporting DESC, f.opportunity_id LIMIT :limit)
				""".formatted(deals, where(scope));
	}

}
