package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every KPI figure of a slice's partners (a PAM's book, a tier, one partner, a cohort...)
 * that {@link KpiRepository} reads from the database, from one statement: the slice's
 * partners are read once ({@code book}, a materialized CTE of their id, onboarding day
 * and lifecycle status) and each KPI's former statement runs over them as a subquery, its
 * SQL unchanged but for {@code partner p} read as {@code book p} and the slice's
 * predicate already applied ({@link KpiSql#activated(String, String)} and its siblings).
 * With them the direct side of the sales cycle (whole program, {@link KpiSql#keptMedian})
 * and the period's day figures ({@link KpiDayFigures}). Read for a whole KPI request of a
 * slice other than the program ({@link #reads}); one KPI or a trend's periods keep their
 * own statements, which {@code KpiBookFiguresTests} compares with these.
 *
 * <p>
 * Figures by key, each the former statement's columns in order:
 * {@code ACTIVATED_PARTNERS} and {@code ACTIVE_PARTNER_RATE} (numerator, denominator),
 * {@code ENABLEMENT_COMPLETION} (numerator, denominator), {@code TIME_TO_FIRST_REVENUE}
 * (median days), {@code REGISTRATION_VELOCITY} (median hours),
 * {@code PARTNER_RECRUITMENT} (count), {@code OVERLAP_SOURCED_DEALS} (count),
 * {@code OVERLAP_SOURCED_PIPELINE} (amount in the reporting currency, unrounded),
 * {@code SALES_CYCLE} (median days of the slice's won deals, of the program's direct won
 * deals; null without deals) and {@link #PIPELINES} (the slice's open sourced and
 * influenced or co-sell amounts, the whole open pipeline).
 */
final class KpiBookFigures {

	/** The slice's partners as the subqueries read them. */
	static final String BOOK = "book p";

	/** The key of both pipeline contributions' figures. */
	static final String PIPELINES = "PIPELINES";

	/** Each key with its subquery's column count, in the statement's order. */
	private static final Map<String, Integer> COLUMNS = columns();

	private final Map<String, BigDecimal[]> figures;

	private final KpiDayFigures days;

	private KpiBookFigures(Map<String, BigDecimal[]> figures, KpiDayFigures days) {
		this.figures = figures;
		this.days = days;
	}

	/**
	 * Whether a request for {@code codes} (null: all) of the slice reads them in one
	 * statement.
	 */
	static boolean reads(Slice slice, Set<String> codes) {
		return codes == null && !KpiSql.program(slice);
	}

	/** The statement, binding the parameters of {@link KpiRepository#bind}. */
	static String sql(Slice slice) {
		var all = "TRUE";
		var cycle = KpiSql.salesCycle(BOOK, all);
		return """
				WITH book AS MATERIALIZED (SELECT p.id, p.onboarded_on, p.lifecycle_status FROM partner p WHERE %s)
				SELECT act.*, rec.*, enb.*, ftr.*, vel.*, rcr.*, ovd.*, ovp.*, cyc.median, dcy.*, pip.*, days.*
				FROM (%s) act(num, den)
				CROSS JOIN (%s) rec(num, den)
				CROSS JOIN (%s) enb(num, den)
				CROSS JOIN (%s) ftr(median)
				CROSS JOIN (%s) vel(median)
				CROSS JOIN (%s) rcr(n)
				CROSS JOIN (%s) ovd(n)
				CROSS JOIN (%s) ovp(amount)
				CROSS JOIN (%s) cyc(median, side)
				CROSS JOIN (SELECT (%s)) dcy(median)
				CROSS JOIN (%s) pip(sourced, influenced, open)
				CROSS JOIN (%s) days
				""".formatted(slice.predicate(), KpiSql.activated(BOOK, all), KpiSql.activePartners(BOOK, all),
				KpiSql.enablementCompletion(BOOK, all), KpiSql.firstRevenue(BOOK, all),
				KpiSql.registrationVelocity(BOOK, all), KpiStatements.recruitment(BOOK, all),
				KpiStatements.overlapDeals(BOOK, all), KpiStatements.overlapPipeline(BOOK, all), cycle,
				KpiSql.keptMedian(false), KpiStatements.pipelines(KpiSql.openPipeline(BOOK, all), "TRUE"),
				KpiDayFigures.sql(KpiSql.partnerDays(BOOK, all), "TRUE", false));
	}

	static KpiBookFigures read(JdbcClient jdbc, Period period, Slice slice) {
		return KpiStatements.bind(jdbc.sql(sql(slice)), period, slice).query((rs, n) -> {
			var figures = new LinkedHashMap<String, BigDecimal[]>();
			int column = 1;
			for (var key : COLUMNS.entrySet()) {
				var values = new BigDecimal[key.getValue()];
				for (int i = 0; i < values.length; i++) {
					values[i] = rs.getBigDecimal(column++);
				}
				figures.put(key.getKey(), values);
			}
			return new KpiBookFigures(figures, KpiDayFigures.of(rs, column));
		}).single();
	}

	/** The figures of a key (see the class), the former statement's columns in order. */
	BigDecimal[] of(String key) {
		var values = this.figures.get(key);
		if (values == null) {
			throw new IllegalArgumentException("no figures read for " + key);
		}
		return values;
	}

	/** The period's day figures of the slice ({@link KpiDayFigures#read}). */
	KpiDayFigures days() {
		return this.days;
	}

	private static Map<String, Integer> columns() {
		var columns = new LinkedHashMap<String, Integer>();
		columns.put(RecencyTrend.ACTIVATED, 2);
		columns.put(RecencyTrend.ACTIVE, 2);
		columns.put("ENABLEMENT_COMPLETION", 2);
		columns.put("TIME_TO_FIRST_REVENUE", 1);
		columns.put("REGISTRATION_VELOCITY", 1);
		columns.put("PARTNER_RECRUITMENT", 1);
		columns.put("OVERLAP_SOURCED_DEALS", 1);
		columns.put("OVERLAP_SOURCED_PIPELINE", 1);
		// the slice's side, then the direct side
		columns.put("SALES_CYCLE", 2);
		columns.put(PIPELINES, 3);
		return columns;
	}

}
