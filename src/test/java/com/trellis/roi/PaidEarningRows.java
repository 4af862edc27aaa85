package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A paid incentive for the ROI property tests, written straight to the tables: a
 * fast-start SPIFF program named {@code name}, an earning of {@code earned} under it, a
 * finished payout run and its item paying {@code paid}, all in {@code currency} at
 * {@code at}.
 */
final class PaidEarningRows {

	private PaidEarningRows() {
	}

	static void insert(JdbcClient jdbc, String name, String sourceKey, long partner, String kind, BigDecimal earned,
			BigDecimal paid, String currency, Timestamp at) {
		long program = jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, ends_on, params, created_at)
				VALUES (:name, 'FAST_START_SPIFF', :currency, DATE '2026-01-01', DATE '2026-01-01',
				       '{"bonus": "1", "firstDeals": 1, "withinDays": 1}'::jsonb, :at) RETURNING id
				""").param("name", name).param("currency", currency).param("at", at).query(Long.class).single();
		long earning = jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (:partner, :program, :kind, :source, :amount, :currency, 'fixture', :at) RETURNING id
					""")
			.param("partner", partner)
			.param("program", program)
			.param("kind", kind)
			.param("source", sourceKey)
			.param("amount", earned)
			.param("currency", currency)
			.param("at", at)
			.query(Long.class)
			.single();
		long run = jdbc
			.sql("INSERT INTO payout_run (started_at, finished_at, status) VALUES (:at, :at, 'FINISHED') RETURNING id")
			.param("at", at)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
				VALUES (:run, :earning, :partner, :amount, :currency, :at)
				""")
			.param("run", run)
			.param("earning", earning)
			.param("partner", partner)
			.param("amount", paid)
			.param("currency", currency)
			.param("at", at)
			.update();
	}

}
