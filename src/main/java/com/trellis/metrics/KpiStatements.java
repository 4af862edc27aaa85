package com.trellis.metrics;

import java.sql.Date;
import java.sql.Timestamp;

import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPI statements that the program's read ({@link KpiRepository}) and a PAM's book's read
 * ({@link KpiBookFigures}) both use, over the partners they are given, and the parameters
 * every KPI, drill-down and funnel statement binds ({@link #bind}). Split from
 * {@link KpiRepository}.
 */
final class KpiStatements {

	private static final String AMOUNT = ReportingCurrency.DEAL_AMOUNT;

	private KpiStatements() {
	}

	/**
	 * Partner recruitment over {@code partners} (SQL of alias {@code p}) narrowed by
	 * {@code predicate}.
	 */
	static String recruitment(String partners, String predicate) {
		return """
				SELECT count(*) FROM %s WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s
				""".formatted(partners, predicate);
	}

	/** The overlap-sourced deals' count of {@code partners} (as {@link #recruitment}). */
	static String overlapDeals(String partners, String predicate) {
		return """
				SELECT count(*) FROM overlap_sourced_deal s JOIN %s ON p.id = s.partner_id
				WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
				""".formatted(partners, predicate);
	}

	/**
	 * The overlap-sourced deals' amount of {@code partners} (as {@link #recruitment}).
	 */
	static String overlapPipeline(String partners, String predicate) {
		return """
				SELECT COALESCE(sum(%s), 0) FROM overlap_sourced_deal s JOIN %s ON p.id = s.partner_id
				JOIN opportunity o ON o.id = s.opportunity_id JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
				""".formatted(AMOUNT, partners, predicate);
	}

	/**
	 * Both pipeline contributions' statement over the open pipeline facts {@code open}
	 * ({@link KpiSql#sliceOpenPipeline}) of the partner side {@code involved}: sourced,
	 * influenced or co-sell, the whole open pipeline.
	 */
	static String pipelines(String open, String involved) {
		return """
				SELECT COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type = 'SOURCED' AND %2$s), 0),
				       COALESCE(sum(f.open_reporting) FILTER (WHERE f.credit_type IN ('INFLUENCED', 'CO_SELL') AND %2$s), 0),
				       (SELECT COALESCE(sum(a.open_reporting), 0) FROM program_open_fact a
				        JOIN exchange_rate afx ON afx.currency = a.currency)
				FROM %1$s JOIN exchange_rate fx ON fx.currency = f.currency
				"""
			.formatted(open, involved);
	}

	/**
	 * Binds every parameter a KPI, drill-down or funnel query over a period and slice may
	 * use.
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Period period, Slice slice) {
		return spec.param("from", Timestamp.from(period.start()))
			.param("to", Timestamp.from(period.end()))
			.param("fromDate", Date.valueOf(period.from()))
			.param("toDate", Date.valueOf(period.until()))
			.param("sliceValue", slice.value() == null ? "" : slice.value())
			.param("sliceBook", slice.book() == null ? "" : String.valueOf(slice.book()))
			.param("cohortFrom", slice.cohort() == null ? null : Date.valueOf(slice.cohort().start()),
					java.sql.Types.DATE)
			.param("cohortTo", slice.cohort() == null ? null : Date.valueOf(slice.cohort().end()), java.sql.Types.DATE)
			.param("asOf", Timestamp.from(period.asOf()))
			.param("asOfMinus30", Timestamp.from(period.asOfMinusDays(30)))
			.param("asOfMinus90", Timestamp.from(period.asOfMinusDays(90)))
			.param("asOfDate", Date.valueOf(java.time.LocalDate.ofInstant(period.asOf(), period.zone())))
			.param("zone", period.zone().getId());
	}

}
