package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Won partner-sourced USD deals written in one statement for the KPI property tests: one
 * row per moment (entered, created, updated and closed at it), each with its amount.
 */
final class WonDealRows {

	private WonDealRows() {
	}

	static void insert(JdbcClient jdbc, String name, long account, long owner, long partner, LocalDate close,
			List<Instant> moments, List<Integer> amounts) {
		var values = new StringBuilder();
		for (int i = 0; i < moments.size(); i++) {
			values.append(i == 0 ? "" : ", ")
				.append("(:account, :name, :amount%d, 'USD', 'CLOSED_WON', :close, :owner, 'PARTNER', :p, "
					.formatted(i))
				.append("'SOURCED', 20, :at%d, :at%d, :at%d, :at%d)".formatted(i, i, i, i));
		}
		var insert = jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         partner_id, credit_type, partner_share, stage_entered_at, created_at,
				                         updated_at, closed_at) VALUES """ + values)
			.param("account", account)
			.param("name", name)
			.param("close", close)
			.param("owner", owner)
			.param("p", partner);
		for (int i = 0; i < moments.size(); i++) {
			insert = insert.param("at" + i, Timestamp.from(moments.get(i))).param("amount" + i, amounts.get(i));
		}
		insert.update();
	}

}
