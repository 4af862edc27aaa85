package com.trellis.metrics;

import java.math.BigDecimal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sums of the period's daily deal facts that five figures read, from one statement:
 * the slice's partner days ({@link KpiSql#sliceDays}) and the whole program's days
 * ({@code program_day_fact}) each read once, instead of once per KPI. A figure that
 * converts amounts counts only rows whose currency has a rate (as the inner join with
 * {@code exchange_rate} did); the co-sell counts take every row.
 *
 * @param sourcedRevenue closed-won amount (reporting currency, unrounded) of the slice's
 * partner-sourced credit; 0 without rows
 * @param sourcedWinRate 100 × won / (won + lost) of the slice's partner-sourced credit,
 * null without closed deals
 * @param directWinRate the same over the program's direct days (no partner), null without
 * closed deals
 * @param averageDealSize won amount / won count of the slice's partner days, null without
 * closed deals (or without won ones)
 * @param directAverageDealSize the same over the program's direct days
 * @param coSellCreated deals created in the period with co-sell credit for the slice's
 * partners (a count)
 * @param created deals created in the period, whole program (a count)
 * @param closedWon closed-won amount of every deal for the program, of the slice's
 * partner days otherwise (the forecast attainment's actual)
 */
record KpiDayFigures(BigDecimal sourcedRevenue, BigDecimal sourcedWinRate, BigDecimal directWinRate,
		BigDecimal averageDealSize, BigDecimal directAverageDealSize, BigDecimal coSellCreated, BigDecimal created,
		BigDecimal closedWon) {

	/**
	 * The statement: {@code s} sums the slice's partner days, {@code d} the program's;
	 * each ratio keeps its former expression ({@code 100.0 * sum(won) / NULLIF(sum(won +
	 * lost), 0)}, {@code sum(won_reporting) / NULLIF(sum(won_count), 0)}) over the same
	 * rows, and is null when its rows hold no closed deal (the former
	 * {@code HAVING sum(won_count + lost_count) > 0}).
	 */
	static String sql(Slice slice) {
		return sql(KpiSql.sliceDays(slice), KpiSql.partnerInvolved(slice), KpiSql.program(slice));
	}

	/**
	 * The statement over the slice's partner days {@code days} (SQL of alias {@code f},
	 * {@link KpiSql#sliceDays}), {@code involved} their partner side and {@code program}
	 * whether the slice is the whole program.
	 */
	static String sql(String days, String involved, boolean program) {
		return """
				WITH s AS (
				  SELECT COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED' AND %2$s), 0) AS sourced_revenue,
				         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED' AND %2$s) AS sourced_won,
				         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND f.credit_type = 'SOURCED' AND %2$s) AS sourced_closed,
				         sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND %2$s) AS won_amount,
				         sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND %2$s) AS won,
				         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND %2$s) AS closed,
				         COALESCE(sum(f.created_count) FILTER (WHERE f.credit_type = 'CO_SELL' AND %2$s), 0) AS co_sell_created,
				         COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL), 0) AS closed_won
				  FROM %1$s LEFT JOIN exchange_rate fx ON fx.currency = f.currency
				  WHERE f.day >= :fromDate AND f.day < :toDate),
				d AS (
				  SELECT sum(f.won_count) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS won,
				         sum(f.won_count + f.lost_count) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS closed,
				         sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL AND NOT f.partner_involved) AS won_amount,
				         COALESCE(sum(f.created_count), 0) AS created,
				         COALESCE(sum(f.won_reporting) FILTER (WHERE fx.currency IS NOT NULL), 0) AS closed_won
				  FROM program_day_fact f LEFT JOIN exchange_rate fx ON fx.currency = f.currency
				  WHERE f.day >= :fromDate AND f.day < :toDate)
				SELECT s.sourced_revenue,
				       CASE WHEN s.sourced_closed > 0 THEN 100.0 * s.sourced_won / NULLIF(s.sourced_closed, 0) END,
				       CASE WHEN d.closed > 0 THEN 100.0 * d.won / NULLIF(d.closed, 0) END,
				       CASE WHEN s.closed > 0 THEN s.won_amount / NULLIF(s.won, 0) END,
				       CASE WHEN d.closed > 0 THEN d.won_amount / NULLIF(d.won, 0) END,
				       s.co_sell_created, d.created, %3$s
				FROM s CROSS JOIN d
				"""
			.formatted(days, involved, program ? "d.closed_won" : "s.closed_won");
	}

	static KpiDayFigures read(JdbcClient jdbc, Period period, Slice slice) {
		return KpiStatements.bind(jdbc.sql(sql(slice)), period, slice).query((rs, n) -> of(rs, 1)).single();
	}

	/** The figures from the statement's eight columns, the first at {@code first}. */
	static KpiDayFigures of(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
		return new KpiDayFigures(rs.getBigDecimal(first), rs.getBigDecimal(first + 1), rs.getBigDecimal(first + 2),
				rs.getBigDecimal(first + 3), rs.getBigDecimal(first + 4), rs.getBigDecimal(first + 5),
				rs.getBigDecimal(first + 6), rs.getBigDecimal(first + 7));
	}

}
