package com.trellis.bench;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The program's sales cycle of the current quarter by the statement before V128 (every
 * won deal of the period sorted by {@code percentile_cont}), printed by the reporting
 * benchmark next to the figures the KPI request gave, so a run on the large dataset shows
 * that the kept histogram's median is the same.
 */
final class SalesCycleCheck {

	private SalesCycleCheck() {
	}

	static String before(JdbcClient jdbc, java.time.Instant from, java.time.Instant to) {
		var median = "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400)";
		var rows = jdbc.sql("""
				SELECT %1$s, 'partner' AS side FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND o.partner_id IS NOT NULL
				UNION ALL
				SELECT %1$s, 'direct' FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND o.partner_id IS NULL
				""".formatted(median))
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, n) -> rs.getString(2) + " " + rs.getBigDecimal(1))
			.list();
		return String.format(Locale.ROOT, "  SALES_CYCLE by the statement before V128 (program): %s%n", rows);
	}

}
