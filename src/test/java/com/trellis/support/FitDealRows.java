package com.trellis.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.trellis.matching.CompanyIdentity;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts with industry, employee band and country, and deals on them (won, lost or
 * open) written straight into the tables, for the partner-fit tests: each won deal closed
 * the given days ago, created 60 days before it, in USD.
 */
public final class FitDealRows {

	private final JdbcClient jdbc;

	private final Clock clock;

	public FitDealRows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void won(long partner, String name, String industry, String band, String country, String amount, int daysAgo,
			long owner) {
		long account = account(name.replaceAll(" – .*", "") + " " + industry, industry, band, country, owner);
		deal(account, name, owner, partner, "CLOSED_WON", amount, daysAgo);
	}

	public long account(String name, String industry, String band, String country, long owner) {
		return this.jdbc.sql("""
				INSERT INTO account (name, industry, employee_band, country, owner_ae_id, created_at, updated_at,
				                     normalized_name)
				VALUES (:name, :industry, :band, :country, :owner, :now, :now, :normalized) RETURNING id
				""")
			.param("name", name)
			.param("industry", industry)
			.param("band", band)
			.param("country", country)
			.param("owner", owner)
			.param("normalized", CompanyIdentity.normalizedName(name))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	public long deal(long account, String name, long owner, Long partner, String stage, String amount,
			Integer closedDaysAgo) {
		var now = this.clock.instant();
		var closed = closedDaysAgo == null ? null : now.minus(Duration.ofDays(closedDaysAgo));
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
					                         partner_id, credit_type, partner_share, stage_entered_at, created_at, closed_at,
					                         updated_at)
					VALUES (:account, :name, :amount, 'USD', :stage, :close, :owner, CAST(:source AS TEXT), :partner,
					        CAST(:credit AS TEXT), CAST(:share AS NUMERIC), :entered, :created, :closed, :now)
					RETURNING id
					""")
			.param("account", account)
			.param("name", name)
			.param("amount", new BigDecimal(amount))
			.param("stage", stage)
			.param("close", LocalDate.now(this.clock).plusDays(30))
			.param("owner", owner)
			.param("source", partner == null ? "DIRECT" : "PARTNER")
			.param("partner", partner)
			.param("credit", partner == null ? null : "SOURCED")
			.param("share", partner == null ? null : "20")
			.param("entered", Timestamp.from(closed == null ? now : closed))
			.param("created", Timestamp.from((closed == null ? now : closed).minus(Duration.ofDays(60))))
			.param("closed", closed == null ? null : Timestamp.from(closed))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

}
