package com.trellis.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The program's activated partners, active partner rate and registration velocity of a
 * period by the statements before V129 and V130 (every partner, the window's won deals or
 * events, the period's approvals sorted), each timed, printed by the reporting benchmark
 * next to the figures the KPI request gave, so a run on the large dataset shows that the
 * kept counts give the same figures and what the old statements cost in the same run.
 */
final class KeptKpiCheck {

	private KeptKpiCheck() {
	}

	static String before(JdbcClient jdbc, LocalDate from, LocalDate until, ZoneId zone) {
		var start = from.atStartOfDay(zone).toInstant();
		var end = until.atStartOfDay(zone).toInstant();
		var now = Instant.now();
		var asOf = now.isBefore(end) ? now : end;
		var out = new StringBuilder();
		out.append(line(jdbc, "ACTIVATED_PARTNERS",
				"""
						SELECT count(*) FILTER (WHERE p.id IN (SELECT o.partner_id FROM opportunity o WHERE o.stage = 'CLOSED_WON'
						         AND o.partner_id IS NOT NULL AND o.closed_at >= :asOfMinus90 AND o.closed_at < :asOf)) || ' / ' || count(*)
						FROM partner p WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
						""",
				start, end, asOf, zone));
		out.append(line(jdbc, "ACTIVE_PARTNER_RATE", """
				SELECT count(*) FILTER (WHERE CASE WHEN a.last_at IS NULL THEN FALSE
				         WHEN a.last_at < :asOf THEN a.last_at >= :asOfMinus30
				         ELSE EXISTS (SELECT 1 FROM activity_event e WHERE e.partner_id = p.id
				           AND e.occurred_at >= :asOfMinus30 AND e.occurred_at < :asOf) END) || ' / ' || count(*)
				FROM partner p LEFT JOIN partner_activity_fact a ON a.partner_id = p.id
				WHERE p.onboarded_on < :asOfDate AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
				""", start, end, asOf, zone));
		out.append(line(jdbc, "REGISTRATION_VELOCITY",
				"""
						SELECT CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.approved_at - r.submitted_at) / 3600)
						            AS TEXT)
						FROM deal_registration r WHERE r.approved_at >= :from AND r.approved_at < :to
						""",
				start, end, asOf, zone));
		return out.toString();
	}

	private static String line(JdbcClient jdbc, String code, String sql, Instant start, Instant end, Instant asOf,
			ZoneId zone) {
		long started = System.nanoTime();
		var value = jdbc.sql(sql)
			.param("from", Timestamp.from(start))
			.param("to", Timestamp.from(end))
			.param("asOf", Timestamp.from(asOf))
			.param("asOfMinus30", Timestamp.from(asOf.atZone(zone).minusDays(30).toInstant()))
			.param("asOfMinus90", Timestamp.from(asOf.atZone(zone).minusDays(90).toInstant()))
			.param("asOfDate", Date.valueOf(LocalDate.ofInstant(asOf, zone)))
			.query(String.class)
			.single();
		return String.format(Locale.ROOT, "  %s by the statement before V129/V130 (program): %s (%.1f ms)%n", code,
				value, (System.nanoTime() - started) / 1e6);
	}

}
