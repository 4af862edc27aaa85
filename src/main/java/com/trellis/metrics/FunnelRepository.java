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
 * kept per deal and stage in {@code metrics_funnel_entry} (V173). A deal counts in a
 * stage when its first entry into that stage falls in the period; it advanced when it has
 * since entered any later stage of the funnel (at any time up to now), so a deal that
 * goes from Qualified straight to Closed won advanced from Qualified; its time in the
 * stage runs from that first entry to its next stage change. The partner side counts
 * deals with a partner of the slice on them, the direct side deals without a partner
 * (whole program, as for the KPIs).
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

	private final JdbcClient jdbc;

	FunnelRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The funnel of the period and slice: one statement. */
	List<FunnelStep> funnel(Period period, Slice slice) {
		return read(FUNNEL.formatted(values(), partnerSide(slice)), period, slice);
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
		KpiRepository.bind(this.jdbc.sql(sql), period, slice)
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
