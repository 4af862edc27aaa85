package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.MinorUnits;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the demo's incentive writers share: the won partner deals as loaded, the partners'
 * hidden quality, and writing one ledger entry. The entries carry the keys and bases the
 * incentive rules give them, so later corrections, closes and payouts treat them as their
 * own.
 */
final class DemoLedger {

	final JdbcClient jdbc;

	final Map<Long, PartnerPlan> partners;

	final long seed;

	final Instant now;

	final List<WonDeal> wins;

	DemoLedger(JdbcClient jdbc, List<PartnerPlan> partners, long seed, Instant now) {
		this.jdbc = jdbc;
		this.partners = new java.util.HashMap<>();
		partners.forEach(p -> this.partners.put(p.id, p));
		this.seed = seed;
		this.now = now;
		this.wins = new ArrayList<>(jdbc.sql("""
				SELECT id, partner_id, amount, currency, credit_type, partner_share, closed_at FROM opportunity
				WHERE partner_id IS NOT NULL AND stage = 'CLOSED_WON' AND closed_at IS NOT NULL ORDER BY id
				""")
			.query((rs, n) -> new WonDeal(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getTimestamp(7).toInstant()))
			.list());
	}

	double quality(long partnerId) {
		var partner = this.partners.get(partnerId);
		return (partner == null) ? 0.3 : partner.q;
	}

	long program(String name, String kind, java.time.LocalDate startsOn, String params, Instant createdAt) {
		return this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, params, created_at, created_by)
				VALUES (:name, :kind, 'USD', :starts, CAST(:params AS JSONB), :at, 1) RETURNING id
				""")
			.param("name", name)
			.param("kind", kind)
			.param("starts", java.sql.Date.valueOf(startsOn))
			.param("params", params)
			.param("at", Timestamp.from(createdAt))
			.query(Long.class)
			.single();
	}

	void earn(long partnerId, long programId, String kind, String sourceKey, Long opportunityId, String period,
			BigDecimal amount, String currency, String basis, Instant at) {
		this.jdbc.sql("""
				INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, opportunity_id, period, amount,
				    currency, basis, earned_at)
				VALUES (:partner, :program, :kind, :key, :deal, :period, :amount, :currency, :basis, :at)
				""")
			.param("partner", partnerId)
			.param("program", programId)
			.param("kind", kind)
			.param("key", sourceKey)
			.param("deal", opportunityId)
			.param("period", period)
			.param("amount", amount)
			.param("currency", currency)
			.param("basis", basis)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A won partner deal as loaded. */
	record WonDeal(long id, long partnerId, BigDecimal amount, String currency, String creditType, BigDecimal share,
			Instant closedAt) {

		WonDeal {
			amount = MinorUnits.round(amount, currency);
		}

	}

}
