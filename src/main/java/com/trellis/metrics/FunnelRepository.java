package com.trellis.metrics;

import com.trellis.shared.Percent;
import com.trellis.shared.Reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stage funnel by SQL over the stage history ({@code opportunity_stage_change}), as
 * kept per deal and stage in {@code metrics_funnel_entry} (V173) and counted per day and
 * month of entry in {@code metrics_funnel_fact} (V181). A deal counts in a stage when its
 * first entry into that stage falls in the period; it advanced when it has since entered
 * any later stage of the funnel (at any time up to now), so a deal that goes from
 * Qualified straight to Closed won advanced from Qualified; its time in the stage runs
 * from that first entry to its next stage change. The partner side counts deals with a
 * partner of the slice on them, the direct side deals without a partner (whole program,
 * as for the KPIs).
 */
@Repository
class FunnelRepository {

	/** The funnel's stages in order: code and label. */
	static final List<String[]> STAGES = List.of(new String[] { "REGISTERED", "Registered" },
			new String[] { "QUALIFIED", "Qualified" }, new String[] { "JOINT_WORKING", "Joint working" },
			new String[] { "COMMIT", "Commit" }, new String[] { "CLOSED_WON", "Closed won" });

	/**
	 * The period's first entries, kept per deal and funnel stage by the stage history's
	 * triggers ({@code metrics_funnel_entry}, V173: the moment, the next change, whether
	 * a later change reached a higher stage, the deal's partner now), read through their
	 * index on the moment; a deal's whole history is never read here. Formatted with the
	 * stages' {@code VALUES} and the partner side's condition ({@link #partnerSide}).
	 */
	static final String FUNNEL = """
			WITH steps (stage, rank) AS (VALUES %s)
			SELECT CASE WHEN e.partner_id IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, st.stage, count(*),
			       count(*) FILTER (WHERE e.advanced),
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.left_at - e.entered_at) / 86400)
			         FILTER (WHERE e.left_at IS NOT NULL)
			FROM metrics_funnel_entry e JOIN steps st ON st.rank = e.rank
			WHERE e.entered_at >= :from AND e.entered_at < :to
			  AND (e.partner_id IS NULL OR %s)
			GROUP BY 1, 2
			""";

	/**
	 * The funnel from the kept counts ({@code metrics_funnel_fact}, V181, in the business
	 * zone the deal facts are counted in): each side's reached and advanced deals are
	 * sums over the period's whole months' rows and its other days' rows (about 1,400
	 * rows for a quarter of the large dataset, against 808,000 entries); each median is
	 * exact, as {@link KeptMedian}: the counts per whole day in stage find the day or two
	 * holding the middle ranks, and only those days' entries of the period are read
	 * ({@code metrics_funnel_entry_stay_idx}) and ranked by their time in the stage (an
	 * interval from the moments, ordered as its length), the days computed for the middle
	 * one or two only. Formatted with the stages' {@code VALUES}, the sides read from the
	 * counts ({@code ""} for both, or {@code "AND NOT f.involved"}) and what follows the
	 * counted rows (the partner side of a slice: {@link #SLICE_PARTNERS}, or nothing).
	 */
	static final String KEPT = """
			WITH steps (stage, rank) AS (VALUES %1$s),
			""" + KeptMedian.MONTH_BOUNDS
			+ """
					,
					f AS (
					  SELECT f.rank, f.involved, f.advanced, f.stay_day, f.entries FROM metrics_funnel_fact f CROSS JOIN bounds b
					  WHERE f.month AND f.day >= b.mf AND f.day < b.mt %2$s
					  UNION ALL
					  SELECT f.rank, f.involved, f.advanced, f.stay_day, f.entries FROM metrics_funnel_fact f CROSS JOIN bounds b
					  WHERE NOT f.month AND f.day >= :fromDate AND f.day < :toDate AND NOT (f.day >= b.mf AND f.day < b.mt) %2$s),
					counts AS (
					  SELECT rank, involved, CAST(sum(entries) AS BIGINT) AS reached,
					         CAST(COALESCE(sum(entries) FILTER (WHERE advanced), 0) AS BIGINT) AS advanced
					  FROM f GROUP BY rank, involved),
					h AS (
					  SELECT rank, involved, stay_day AS bucket, CAST(sum(entries) AS BIGINT) AS n
					  FROM f WHERE stay_day >= 0 GROUP BY rank, involved, stay_day HAVING sum(entries) > 0),
					c AS (
					  SELECT rank, involved, bucket, n,
					         CAST(sum(n) OVER (PARTITION BY rank, involved ORDER BY bucket) AS BIGINT) AS upto
					  FROM h),
					r AS (
					  SELECT rank, involved, (CAST(sum(n) AS BIGINT) - 1) / 2 AS lo, CAST(sum(n) AS BIGINT) / 2 AS hi
					  FROM h GROUP BY rank, involved),
					m AS (
					  SELECT r.rank, r.involved, r.lo, r.hi, l.bucket AS first_bucket, l.upto - l.n AS before, u.bucket AS last_bucket
					  FROM r
					  CROSS JOIN LATERAL (SELECT * FROM c WHERE c.rank = r.rank AND c.involved = r.involved AND c.upto > r.lo
					                      ORDER BY c.bucket LIMIT 1) l
					  CROSS JOIN LATERAL (SELECT * FROM c WHERE c.rank = r.rank AND c.involved = r.involved AND c.upto > r.hi
					                      ORDER BY c.bucket LIMIT 1) u),
					v AS (
					  SELECT m.rank, m.involved, m.lo, m.hi,
					         m.before + row_number() OVER (PARTITION BY m.rank, m.involved ORDER BY x.stay) - 1 AS pos, x.stay
					  FROM m CROSS JOIN LATERAL (
					    SELECT e.left_at - e.entered_at AS stay
					    FROM metrics_funnel_entry e
					    WHERE e.rank = m.rank AND (e.partner_id IS NOT NULL) = m.involved
					      AND facts_cycle_day(e.entered_at, e.left_at) >= m.first_bucket
					      AND facts_cycle_day(e.entered_at, e.left_at) <= m.last_bucket
					      AND e.left_at IS NOT NULL AND e.entered_at >= :from AND e.entered_at < :to
					    OFFSET 0) x),
					w AS (
					  SELECT rank, involved, lo, hi, pos, CAST(extract(epoch FROM stay) / 86400 AS DOUBLE PRECISION) AS value
					  FROM v WHERE pos IN (lo, hi)),
					med AS (
					  SELECT rank, involved,
					         CASE WHEN min(lo) = min(hi) THEN min(value) FILTER (WHERE pos = lo)
					              ELSE min(value) FILTER (WHERE pos = lo)
					                   + (min(value) FILTER (WHERE pos = hi) - min(value) FILTER (WHERE pos = lo))
					                     * CAST(0.5 AS DOUBLE PRECISION) END AS median
					  FROM w GROUP BY rank, involved)
					SELECT CASE WHEN k.involved THEN 'PARTNER' ELSE 'DIRECT' END, st.stage, k.reached, k.advanced, med.median
					FROM counts k JOIN steps st ON st.rank = k.rank
					LEFT JOIN med ON med.rank = k.rank AND med.involved = k.involved
					WHERE k.reached > 0
					%3$s""";

	/**
	 * A slice's partner side after {@link #KEPT}'s direct side: the entries of the
	 * slice's partners in the period, read through
	 * {@code metrics_funnel_entry_partner_idx} (formatted with the slice's predicate over
	 * {@code p}).
	 */
	static final String SLICE_PARTNERS = """
			UNION ALL
			SELECT 'PARTNER', st.stage, count(*), count(*) FILTER (WHERE e.advanced),
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.left_at - e.entered_at) / 86400)
			         FILTER (WHERE e.left_at IS NOT NULL)
			FROM metrics_funnel_entry e JOIN steps st ON st.rank = e.rank
			WHERE e.entered_at >= :from AND e.entered_at < :to
			  AND e.partner_id IN (SELECT p.id FROM partner p WHERE %s)
			GROUP BY 2
			""";

	private final JdbcClient jdbc;

	FunnelRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The funnel of the period and slice: from the kept counts ({@link #kept}) when they
	 * are counted in the period's zone, else from the period's entries ({@link #FUNNEL});
	 * one statement after the zone's check.
	 */
	List<FunnelStep> funnel(Period period, Slice slice) {
		boolean counted = this.jdbc.sql("SELECT count(*) FROM fact_setting WHERE zone = :zone")
			.param("zone", period.zone().getId())
			.query(Long.class)
			.single() > 0;
		return read(counted ? kept(slice) : FUNNEL.formatted(values(), partnerSide(slice)), period, slice);
	}

	/**
	 * The statement reading the kept counts: both sides for the whole program, the direct
	 * side (always the whole program's) for any other slice, with its partners' entries.
	 */
	static String kept(Slice slice) {
		return KpiSql.program(slice) ? KEPT.formatted(values(), "", "")
				: KEPT.formatted(values(), "AND NOT f.involved", SLICE_PARTNERS.formatted(slice.predicate()));
	}

	/**
	 * Which entries with a partner count on the partner side: the slice's partners; for
	 * the whole program every one (a deal's partner is one, by its foreign key), without
	 * reading every partner.
	 */
	static String partnerSide(Slice slice) {
		return KpiSql.program(slice) ? "TRUE"
				: "e.partner_id IN (SELECT p.id FROM partner p WHERE " + slice.predicate() + ")";
	}

	/**
	 * The steps a funnel statement reads (its rows: side, stage, reached, advanced and
	 * median days).
	 */
	List<FunnelStep> read(String sql, Period period, Slice slice) {
		Map<String, FunnelStep.Side> found = new HashMap<>();
		KpiStatements.bind(this.jdbc.sql(sql), period, slice)
			.query((rs, n) -> found.put(rs.getString(1) + ":" + rs.getString(2),
					side(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), "CLOSED_WON".equals(rs.getString(2)))))
			.list();
		var steps = new ArrayList<FunnelStep>();
		for (var stage : STAGES) {
			boolean last = stage == STAGES.get(STAGES.size() - 1);
			var none = side(0, 0, null, last);
			steps.add(new FunnelStep(stage[0], stage[1], found.getOrDefault("PARTNER:" + stage[0], none),
					found.getOrDefault("DIRECT:" + stage[0], none)));
		}
		return steps;
	}

	private static FunnelStep.Side side(long reached, long advanced, BigDecimal medianDays, boolean last) {
		var conversion = last ? null : Percent.of(BigDecimal.valueOf(advanced), BigDecimal.valueOf(reached));
		return new FunnelStep.Side(reached, last ? 0 : advanced, conversion,
				medianDays == null ? null : medianDays.setScale(1, RoundingMode.HALF_UP));
	}

	/** VALUES rows (stage, rank). */
	static String values() {
		var values = new StringBuilder();
		for (int rank = 0; rank < STAGES.size(); rank++) {
			values.append(rank == 0 ? "" : ", ")
				.append("('")
				.append(STAGES.get(rank)[0])
				.append("', ")
				.append(rank)
				.append(")");
		}
		return values.toString();
	}

}
