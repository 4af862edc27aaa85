package com.trellis.metrics;

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
 * advanced when it has entered the next stage since (at any time up to now); its time in
 * the stage runs from that first entry to its next stage change. The partner side counts
 * deals with a partner of the slice on them, the direct side deals without a partner
 * (whole program, as for the KPIs).
 */
@Repository
class FunnelRepository {

	static final List<String[]> STAGES = List.of(new String[] { "REGISTERED", "Registered", "QUALIFIED" },
			new String[] { "QUALIFIED", "Qualified", "JOINT_WORKING" },
			new String[] { "JOINT_WORKING", "Joint working", "COMMIT" },
			new String[] { "COMMIT", "Commit", "CLOSED_WON" }, new String[] { "CLOSED_WON", "Closed won", null });

	private final JdbcClient jdbc;

	FunnelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FunnelStep> funnel(Period period, Slice slice) {
		var sql = """
				WITH moved AS (
				  SELECT DISTINCT opportunity_id FROM opportunity_stage_change WHERE changed_at >= :from AND changed_at < :to
				),
				changes AS (
				  SELECT c.opportunity_id, c.to_stage, c.changed_at,
				         lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at,
				         row_number() OVER (PARTITION BY c.opportunity_id, c.to_stage ORDER BY c.changed_at, c.id) AS nth
				  FROM opportunity_stage_change c JOIN moved m ON m.opportunity_id = c.opportunity_id
				),
				firsts AS (SELECT opportunity_id, to_stage, changed_at, left_at FROM changes WHERE nth = 1),
				sides AS (
				  SELECT o.id, CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
				                    WHEN o.partner_id IN (SELECT p.id FROM partner p WHERE %s) THEN 'PARTNER' END AS side
				  FROM opportunity o JOIN moved m ON m.opportunity_id = o.id
				),
				steps (stage, next_stage) AS (VALUES %s)
				SELECT s.side, f.to_stage, count(*), count(n.opportunity_id),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.left_at - f.changed_at) / 86400)
				         FILTER (WHERE f.left_at IS NOT NULL)
				FROM firsts f JOIN sides s ON s.id = f.opportunity_id JOIN steps st ON st.stage = f.to_stage
				LEFT JOIN firsts n ON n.opportunity_id = f.opportunity_id AND n.to_stage = st.next_stage
				WHERE s.side IS NOT NULL AND f.changed_at >= :from AND f.changed_at < :to
				GROUP BY s.side, f.to_stage
				"""
			.formatted(slice.predicate(), values());
		Map<String, FunnelStep.Side> found = new HashMap<>();
		KpiRepository.bind(this.jdbc.sql(sql), period, slice)
			.query((rs, n) -> found.put(rs.getString(1) + ":" + rs.getString(2),
					side(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), "CLOSED_WON".equals(rs.getString(2)))))
			.list();
		var steps = new ArrayList<FunnelStep>();
		for (var stage : STAGES) {
			var none = side(0, 0, null, stage[2] == null);
			steps.add(new FunnelStep(stage[0], stage[1], found.getOrDefault("PARTNER:" + stage[0], none),
					found.getOrDefault("DIRECT:" + stage[0], none)));
		}
		return steps;
	}

	private static FunnelStep.Side side(long reached, long advanced, BigDecimal medianDays, boolean last) {
		var conversion = last || reached == 0 ? null
				: BigDecimal.valueOf(100 * advanced).divide(BigDecimal.valueOf(reached), 1, RoundingMode.HALF_UP);
		return new FunnelStep.Side(reached, last ? 0 : advanced, conversion,
				medianDays == null ? null : medianDays.setScale(1, RoundingMode.HALF_UP));
	}

	private static String values() {
		var values = new StringBuilder();
		for (var stage : STAGES) {
			if (values.length() > 0) {
				values.append(", ");
			}
			values.append("('")
				.append(stage[0])
				.append("', ")
				.append(stage[2] == null ? "NULL" : "'" + stage[2] + "'")
				.append(")");
		}
		return values.toString();
	}

}
