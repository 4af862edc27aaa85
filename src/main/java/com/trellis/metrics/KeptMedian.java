package com.trellis.metrics;

/**
 * The SQL of an exact median read from a kept histogram (module {@code facts}): the
 * counts per whole bucket (a cycle day, a decision hour) find the bucket or two holding
 * the middle ranks, and only those buckets' rows are read and ranked. Used by
 * {@link KpiSql} for the sales cycle ({@code won_cycle_fact}, V128) and the registration
 * velocity ({@code registration_decision_fact}, V130); equal to
 * {@code percentile_cont(0.5)} over the same values.
 */
final class KeptMedian {

	private KeptMedian() {
	}

	/**
	 * The period's whole calendar months, as {@code bounds (mf, mt)}: the first day of
	 * the first whole month in {@code [:fromDate, :toDate)} and the first day of the
	 * month holding {@code :toDate}; the kept histograms' month rows cover
	 * {@code [mf, mt)}, their day rows the period's other days.
	 */
	static final String MONTH_BOUNDS = """
			bounds AS (
			  SELECT CAST(date_trunc('month', CAST(:fromDate AS TIMESTAMP) - INTERVAL '1 day') + INTERVAL '1 month' AS DATE) AS mf,
			         CAST(date_trunc('month', CAST(:toDate AS TIMESTAMP)) AS DATE) AS mt)""";

	/**
	 * The exact median ({@code double precision}, null without values) of values counted
	 * in a kept histogram by whole bucket: {@code counts} (after the CTEs {@code ctes})
	 * yields {@code (bucket, n)} with {@code n > 0}; {@code values} (SQL over {@code m}),
	 * the values whose bucket is between {@code m.first_bucket} and
	 * {@code m.last_bucket}, as {@code value}, each counted in its bucket's {@code n}.
	 * The buckets holding the 0-based middle ranks {@code lo = (n - 1) / 2} and
	 * {@code hi = n / 2} are found from the counts; only their values are read and ranked
	 * after those of the lower buckets; as {@code percentile_cont(0.5)}: the value at
	 * {@code lo} when the count is odd, otherwise {@code lo + (hi - lo) * 0.5}.
	 */
	static String of(String ctes, String counts, String values) {
		return """
				WITH %s,
				h AS (%s),
				c AS (SELECT bucket, n, CAST(sum(n) OVER (ORDER BY bucket) AS BIGINT) AS upto FROM h),
				r AS (SELECT (t.total - 1) / 2 AS lo, t.total / 2 AS hi
				      FROM (SELECT CAST(sum(n) AS BIGINT) AS total FROM h) t WHERE t.total > 0),
				m AS (SELECT r.lo, r.hi, l.bucket AS first_bucket, l.upto - l.n AS before, u.bucket AS last_bucket
				      FROM r CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.lo ORDER BY c.bucket LIMIT 1) l
				      CROSS JOIN LATERAL (SELECT * FROM c WHERE c.upto > r.hi ORDER BY c.bucket LIMIT 1) u),
				v AS (SELECT m.lo, m.hi, m.before + row_number() OVER (ORDER BY x.value) - 1 AS rank, x.value
				      FROM m CROSS JOIN LATERAL (%s) x)
				SELECT CASE WHEN min(lo) = min(hi) THEN min(value) FILTER (WHERE rank = lo)
				            ELSE min(value) FILTER (WHERE rank = lo)
				                 + (min(value) FILTER (WHERE rank = hi) - min(value) FILTER (WHERE rank = lo))
				                   * CAST(0.5 AS DOUBLE PRECISION) END
				FROM v""".formatted(ctes, counts, values);
	}

}
