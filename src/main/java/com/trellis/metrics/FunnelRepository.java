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
 * The stage funnel by SQL over the stage history ({@code opportunity_stage_change}). A
 * deal counts in a stage when its first entry into that stage falls in the period; it
 * advanced when it has since entered any later stage of the funnel (at any time up to
 * now), so a deal that goes from Qualified straight to Closed won advanced from
 * Qualified; its time in the stage runs from that first entry to its next stage change.
 * The partner side counts deals with a partner of the slice on them, the direct side
 * deals without a partner (whole program, as for the KPIs).
 */
@Repository
class FunnelRepository {

	/** The funnel's stages in order: code and label. */
	static final List<String[]> STAGES = List.of(new String[] { "REGISTERED", "Registered" },
			new String[] { "QUALIFIED", "Qualified" }, new String[] { "JOINT_WORKING", "Joint working" },
			new String[] { "COMMIT", "Commit" }, new String[] { "CLOSED_WON", "Closed won" });

	private final JdbcClient jdbc;

	FunnelRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FunnelStep> funnel(Period period, Slice slice) {
		var sql = """
				WITH moved AS (
				  SELECT DISTINCT opportunity_id FROM opportunity_stage_change WHERE changed_at >= :from AND changed_at < :to
				),
				steps (stage, rank) AS (VALUES %s),
				changes AS (
				  SELECT c.id, c.opportunity_id, c.to_stage, c.changed_at, st.rank,
				         lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at,
				         row_number() OVER (PARTITION BY c.opportunity_id, c.to_stage ORDER BY c.changed_at, c.id) AS nth
				  FROM opportunity_stage_change c JOIN moved m ON m.opportunity_id = c.opportunity_id
				  LEFT JOIN steps st ON st.stage = c.to_stage
				),
				firsts AS (
				  SELECT f.opportunity_id, f.to_stage, f.changed_at, f.left_at,
				         EXISTS (SELECT 1 FROM changes later WHERE later.opportunity_id = f.opportunity_id
				                   AND later.rank > f.rank AND (later.changed_at, later.id) > (f.changed_at, f.id)) AS advanced
				  FROM changes f WHERE f.nth = 1 AND f.rank IS NOT NULL
				),
				sides AS (
				  SELECT o.id, CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
				                    WHEN o.partner_id IN (SELECT p.id FROM partner p WHERE %s) THEN 'PARTNER' END AS side
				  FROM opportunity o JOIN moved m ON m.opportunity_id = o.id
				)
				SELECT s.side, f.to_stage, count(*), count(*) FILTER (WHERE f.advanced),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.left_at - f.changed_at) / 86400)
				         FILTER (WHERE f.left_at IS NOT NULL)
				FROM firsts f JOIN sides s ON s.id = f.opportunity_id
				WHERE s.side IS NOT NULL AND f.changed_at >= :from AND f.changed_at < :to
				GROUP BY s.side, f.to_stage
				"""
			.formatted(values(), slice.predicate());
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
	private static String values() {
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
