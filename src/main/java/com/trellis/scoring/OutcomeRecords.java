package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the learned weights are trained on and the back-test compares with, in the
 * reporting currency: the partner-involved pipeline a partner created in a period (deals
 * the partner was put on in it, whatever their credit type, at their amount), and the two
 * measures a program ranks partners by today, pipeline to date and revenue to date. Also
 * each partner's group (its type).
 */
@Repository
class OutcomeRecords {

	/** When a deal became the partner's: created with it, or attached later. */
	private static final String JOINED = "GREATEST(o.created_at, coalesce(d.attached_at, o.created_at))";

	private final JdbcClient jdbc;

	/** For the daily run's pass over every deal: without the request-sized timeout. */
	private final JdbcClient bulk;

	OutcomeRecords(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.bulk = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(dataSource));
	}

	/** Partner-involved pipeline created from {@code from} (inclusive) to {@code to}. */
	Map<Long, BigDecimal> pipelineCreated(Instant from, Instant to) {
		return sums("""
				SELECT o.partner_id, sum(%s)
				FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				LEFT JOIN deal_partner_attachment d ON d.opportunity_id = o.id
				WHERE o.partner_id IS NOT NULL AND %s >= :from AND %s < :to
				GROUP BY o.partner_id
				""".formatted(ReportingCurrency.DEAL_AMOUNT, JOINED, JOINED), from, to);
	}

	/**
	 * Partner-involved pipeline created in each of some periods ({@code from[i]}
	 * inclusive to {@code to[i]}), in one pass over the deals: one map per period, in
	 * their order.
	 */
	List<Map<Long, BigDecimal>> pipelineCreated(List<Instant> from, List<Instant> to) {
		var result = new ArrayList<Map<Long, BigDecimal>>();
		from.forEach(f -> result.add(new HashMap<>()));
		if (from.isEmpty()) {
			return result;
		}
		this.bulk.sql("""
				SELECT w.k, o.partner_id, sum(%s)
				FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				LEFT JOIN deal_partner_attachment d ON d.opportunity_id = o.id
				JOIN unnest(CAST(:froms AS TIMESTAMPTZ[]), CAST(:tos AS TIMESTAMPTZ[])) WITH ORDINALITY AS w (f, t, k)
				  ON %s >= w.f AND %s < w.t
				WHERE o.partner_id IS NOT NULL
				GROUP BY w.k, o.partner_id
				""".formatted(ReportingCurrency.DEAL_AMOUNT, JOINED, JOINED))
			.param("froms", from.stream().map(Timestamp::from).toArray(Timestamp[]::new))
			.param("tos", to.stream().map(Timestamp::from).toArray(Timestamp[]::new))
			.query((rs, n) -> result.get(rs.getInt(1) - 1).put(rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		return result;
	}

	/** Partner-involved pipeline created before {@code end}, since the program began. */
	Map<Long, BigDecimal> pipelineToDate(Instant end) {
		return pipelineCreated(Instant.EPOCH, end);
	}

	/**
	 * Revenue to date: the deals with the partner on them won before {@code end} (a deal
	 * counts once it reached closed-won in its stage history).
	 */
	Map<Long, BigDecimal> revenueToDate(Instant end) {
		return sums("""
				SELECT o.partner_id, sum(%s)
				FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.partner_id IS NOT NULL AND o.created_at >= :from AND EXISTS (
				  SELECT 1 FROM opportunity_stage_change c
				  WHERE c.opportunity_id = o.id AND c.to_stage = 'CLOSED_WON' AND c.changed_at < :to)
				GROUP BY o.partner_id
				""".formatted(ReportingCurrency.DEAL_AMOUNT), Instant.EPOCH, end);
	}

	/** Each partner's activity events from {@code from} (inclusive) to {@code to}. */
	Map<Long, Long> eventsBetween(Instant from, Instant to) {
		var result = new HashMap<Long, Long>();
		this.jdbc.sql("""
				SELECT partner_id, count(*) FROM activity_event
				WHERE occurred_at >= :from AND occurred_at < :to GROUP BY partner_id
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	/**
	 * The program's first record: the earliest deal or activity event, or null when there
	 * is none.
	 */
	Instant firstRecord() {
		var first = this.jdbc.sql("""
				SELECT least((SELECT min(created_at) FROM opportunity), (SELECT min(occurred_at) FROM activity_event))
				""").query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single();
		return first.map(Timestamp::toInstant).orElse(null);
	}

	/** Each partner's group: its type (SI, RESELLER, ISV, REFERRAL, ADVISORY). */
	Map<Long, String> groups() {
		var result = new HashMap<Long, String>();
		this.jdbc.sql("SELECT id, type FROM partner")
			.query((rs, n) -> result.put(rs.getLong(1), rs.getString(2)))
			.list();
		return result;
	}

	private Map<Long, BigDecimal> sums(String sql, Instant from, Instant to) {
		var result = new HashMap<Long, BigDecimal>();
		this.jdbc.sql(sql)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return result;
	}

}
