package com.trellis.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * MDF requests of the partners that hold a fund, in every state: approved and claimed
 * (the claim drawn from the fund and earned as a reimbursement), approved and not yet
 * claimed (lapsed once its 90 days to claim have passed), waiting for the PAM, and
 * declined. Better partners (hidden quality) ask more often, with more pipeline behind
 * the request, are approved more often and claim what they were approved.
 */
final class DemoFunds {

	static final int RANDOM_STREAM = 13;

	private static final String[] ACTIVITIES = { "Joint webinar: modernising the data platform",
			"Customer roundtable in the regional office", "Trade show booth share", "Solution workshop series",
			"Targeted e-mail campaign to named accounts", "Proof-of-concept lab for three prospects" };

	private static final String[] DECLINES = { "The expected pipeline does not justify the cost",
			"This activity is outside the program's MDF guidelines" };

	private final DemoLedger ledger;

	private final java.time.ZoneId zone;

	DemoFunds(DemoLedger ledger, java.time.ZoneId zone) {
		this.ledger = ledger;
		this.zone = zone;
	}

	void write(long mdfProgram) {
		var funds = this.ledger.jdbc.sql("""
				SELECT partner_id, sum(amount), min(earned_at) FROM incentive_earning WHERE kind = 'MDF_FUND'
				GROUP BY partner_id ORDER BY partner_id
				""")
			.query((rs, n) -> new Fund(rs.getLong(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()))
			.list();
		for (var fund : funds) {
			var partner = this.ledger.partners.get(fund.partnerId());
			if (partner == null || partner.firstUserId == 0) {
				continue;
			}
			var random = Randoms.of(this.ledger.seed, RANDOM_STREAM, fund.partnerId());
			double q = partner.q;
			var since = fund.accruedAt();
			if (random.nextDouble() < 0.4 + 0.5 * q) {
				var requested = at(since, random, 2, 10);
				var decided = requested.plus(Duration.ofHours(Randoms.between(random, 6, 72)));
				var cost = part(fund.amount(), 0.4);
				long id = request(partner, random, cost, q, requested, "APPROVED", decided, null);
				var claimed = decided.plus(Duration.ofDays(Randoms.between(random, 10, 30)));
				if (random.nextDouble() < 0.3 + 0.6 * q && claimed.isBefore(this.ledger.now)) {
					claim(mdfProgram, partner, id, part(cost, 0.6 + 0.4 * random.nextDouble()), claimed);
				}
			}
			if (random.nextDouble() < 0.5) {
				var requested = this.ledger.now.minus(Duration.ofHours(Randoms.between(random, 2, 6 * 24)));
				request(partner, random, part(fund.amount(), 0.25), q, requested, "REQUESTED", null, null);
			}
			if (random.nextDouble() < 0.6 * (1 - q)) {
				var requested = at(since, random, 1, 20);
				request(partner, random, part(fund.amount(), 0.5), q * 0.3, requested, "DECLINED",
						requested.plus(Duration.ofHours(Randoms.between(random, 6, 96))),
						Randoms.pick(random, DECLINES));
			}
		}
	}

	private long request(PartnerPlan partner, java.util.SplittableRandom random, BigDecimal cost, double q,
			Instant requested, String status, Instant decided, String reason) {
		return this.ledger.jdbc
			.sql("""
					INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
					    status, approved_amount, requested_by, requested_at, decided_by, decided_at, decision_reason, claim_by)
					VALUES (:partner, :activity, :cost, 'USD', :pipeline, :investment, :status, :approved, :by, :at,
					    :decidedBy, :decided, :reason, :claimBy) RETURNING id
					""")
			.param("partner", partner.id)
			.param("activity", Randoms.pick(random, ACTIVITIES))
			.param("cost", cost)
			.param("pipeline", part(cost, 3 + 12 * q))
			.param("investment", part(cost, 0.25))
			.param("status", status)
			.param("approved", "APPROVED".equals(status) ? cost : null)
			.param("by", partner.firstUserId)
			.param("at", Timestamp.from(requested))
			.param("decidedBy", (decided == null) ? null : partner.ownerPamId)
			.param("decided", (decided == null) ? null : Timestamp.from(decided))
			.param("reason", reason)
			// the application's default claim window (trellis.incentives.mdf-claim-days)
			.param("claimBy", "APPROVED".equals(status) ? decided.atZone(this.zone).toLocalDate().plusDays(90) : null)
			.query(Long.class)
			.single();
	}

	private void claim(long program, PartnerPlan partner, long requestId, BigDecimal amount, Instant at) {
		var activity = this.ledger.jdbc.sql("SELECT activity FROM mdf_request WHERE id = ?")
			.param(requestId)
			.query(String.class)
			.single();
		long claim = this.ledger.jdbc.sql("""
				INSERT INTO mdf_claim (request_id, amount, proof, claimed_by, claimed_at, fund_currency, fund_amount,
				    fund_rate, converted_on)
				VALUES (:request, :amount, :proof, :by, :at, 'USD', :amount, 1, CAST(:at AS DATE)) RETURNING id
				""")
			.param("request", requestId)
			.param("amount", amount)
			.param("proof", "Invoice and attendee list: https://partners.example/mdf/" + requestId)
			.param("by", partner.firstUserId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		this.ledger.earn(partner.id, program, "MDF_REIMBURSEMENT", "claim:" + claim, null, null, amount, "USD",
				"MDF reimbursement for: " + activity, at);
	}

	private Instant at(Instant since, java.util.SplittableRandom random, int fromDays, int toDays) {
		var at = since.plus(Duration.ofDays(Randoms.between(random, fromDays, toDays)));
		return at.isBefore(this.ledger.now) ? at : this.ledger.now.minus(Duration.ofHours(1));
	}

	/** A share of an amount in whole hundreds of dollars, at least one hundred. */
	private static BigDecimal part(BigDecimal amount, double share) {
		var hundreds = amount.multiply(BigDecimal.valueOf(share))
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
			.max(BigDecimal.ONE);
		return hundreds.multiply(BigDecimal.valueOf(100)).setScale(2);
	}

	private record Fund(long partnerId, BigDecimal amount, Instant accruedAt) {
	}

}
