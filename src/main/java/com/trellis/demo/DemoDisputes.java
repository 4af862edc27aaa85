package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Credit disputes on won partner deals, open and decided. Weaker partners (hidden
 * quality) dispute more and are upheld less. An open dispute holds the deal's earnings as
 * the incentives module does; a decided one released them, and an upheld one raised the
 * partner's share (a credit correction of the deal, already applied).
 */
final class DemoDisputes {

	static final int RANDOM_STREAM = 12;

	/** Deals closed this recently that are disputed are still open. */
	static final Duration OPEN_WINDOW = Duration.ofDays(30);

	private static final String[] REASONS = {
			"We introduced the customer and ran the first two workshops; the credit should say so",
			"Our consultant wrote the solution design the customer bought",
			"The customer came to us first; the registration shows our first meeting",
			"We co-presented at every stage of the evaluation" };

	private static final String[] UPHOLD_REASONS = { "The meeting notes confirm the partner's part in the win",
			"The account team agrees: the partner led the technical evaluation" };

	private static final String[] DISMISS_REASONS = { "The account team owned the customer before the partner engaged",
			"No record of the partner's involvement before the proposal" };

	private final DemoLedger ledger;

	DemoDisputes(DemoLedger ledger) {
		this.ledger = ledger;
	}

	/** Writes the disputes; returns them for the payout runs, which skip held deals. */
	List<Dispute> write() {
		var disputes = new ArrayList<Dispute>();
		var openSince = this.ledger.now.minus(OPEN_WINDOW);
		for (var win : this.ledger.wins) {
			var partner = this.ledger.partners.get(win.partnerId());
			if (partner == null || partner.firstUserId == 0 || win.creditType() == null) {
				continue;
			}
			var random = Randoms.of(this.ledger.seed, RANDOM_STREAM, win.id());
			boolean recent = win.closedAt().isAfter(openSince);
			double chance = recent ? 0.10 + 0.30 * (1 - partner.q) : 0.01 + 0.05 * (1 - partner.q);
			if (random.nextDouble() >= chance) {
				continue;
			}
			var raised = win.closedAt().plus(Duration.ofHours(Randoms.between(random, 4, 72)));
			if (!raised.isBefore(this.ledger.now)) {
				continue;
			}
			String status = recent ? "OPEN" : (random.nextDouble() < 0.2 + 0.6 * partner.q) ? "UPHELD" : "DISMISSED";
			var decided = "OPEN".equals(status) ? null
					: raised.plus(Duration.ofHours(Randoms.between(random, 24, 12 * 24)));
			if (decided != null && !decided.isBefore(this.ledger.now)) {
				continue;
			}
			disputes.add(write(win, partner, random, status, raised, decided));
		}
		return disputes;
	}

	private Dispute write(DemoLedger.WonDeal win, PartnerPlan partner, java.util.SplittableRandom random, String status,
			Instant raised, Instant decided) {
		String currentType = win.creditType();
		var currentShare = win.share();
		String proposedType = switch (currentType) {
			case "CO_SELL" -> "INFLUENCED";
			default -> "SOURCED";
		};
		var proposedShare = win.share().add(BigDecimal.TEN).min(BigDecimal.valueOf(100)).setScale(2);
		if ("UPHELD".equals(status)) {
			// the deal's credit as loaded is what the upheld dispute decided
			proposedType = currentType;
			proposedShare = win.share();
			currentShare = win.share().subtract(BigDecimal.valueOf(5)).max(BigDecimal.ONE).setScale(2);
		}
		String decisionReason = "UPHELD".equals(status) ? Randoms.pick(random, UPHOLD_REASONS)
				: "DISMISSED".equals(status) ? Randoms.pick(random, DISMISS_REASONS) : null;
		long id = this.ledger.jdbc
			.sql("""
					INSERT INTO credit_dispute (opportunity_id, partner_id, raised_by, current_credit_type, current_share,
					    proposed_credit_type, proposed_share, reason, status, raised_at, decided_by, decided_at, decision_reason)
					VALUES (:deal, :partner, :by, :currentType, :currentShare, :proposedType, :proposedShare, :reason,
					    :status, :raised, :decidedBy, :decided, :decisionReason) RETURNING id
					""")
			.param("deal", win.id())
			.param("partner", win.partnerId())
			.param("by", partner.firstUserId)
			.param("currentType", currentType)
			.param("currentShare", currentShare)
			.param("proposedType", proposedType)
			.param("proposedShare", proposedShare)
			.param("reason", Randoms.pick(random, REASONS))
			.param("status", status)
			.param("raised", Timestamp.from(raised))
			.param("decidedBy", (decided == null) ? null : partner.ownerPamId)
			.param("decided", (decided == null) ? null : Timestamp.from(decided))
			.param("decisionReason", decisionReason)
			.query(Long.class)
			.single();
		this.ledger.jdbc.sql("""
				INSERT INTO earning_hold (dispute_id, opportunity_id, partner_id, held_at, released_at, outcome)
				VALUES (:dispute, :deal, :partner, :held, :released, :outcome)
				""")
			.param("dispute", id)
			.param("deal", win.id())
			.param("partner", win.partnerId())
			.param("held", Timestamp.from(raised))
			.param("released", (decided == null) ? null : Timestamp.from(decided))
			.param("outcome", (decided == null) ? null : status)
			.update();
		if ("UPHELD".equals(status)) {
			correct(win, id, currentType, currentShare, decisionReason, partner.ownerPamId, decided);
		}
		return new Dispute(win.id(), raised, decided);
	}

	private void correct(DemoLedger.WonDeal win, long disputeId, String type, BigDecimal before, String reason,
			long pam, Instant at) {
		long correction = this.ledger.jdbc.sql("""
				INSERT INTO deal_correction (opportunity_id, what, before, after, reason, corrected_by, corrected_at)
				VALUES (:deal, 'CREDIT', :before, :after, :reason, :by, :at) RETURNING id
				""")
			.param("deal", win.id())
			.param("before", type + " " + before.toPlainString() + "%")
			.param("after", win.creditType() + " " + win.share().toPlainString() + "%")
			.param("reason", "credit dispute " + disputeId + " upheld: " + reason)
			.param("by", pam)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		this.ledger.jdbc.sql("""
				INSERT INTO incentive_correction (correction_id, opportunity_id, applied_at) VALUES (:id, :deal, :at)
				""").param("id", correction).param("deal", win.id()).param("at", Timestamp.from(at)).update();
	}

	/** A dispute's time: while it was open, the deal's earnings were held. */
	record Dispute(long opportunityId, Instant raised, Instant decided) {

		boolean holdsAt(Instant at) {
			return !at.isBefore(this.raised) && (this.decided == null || at.isBefore(this.decided));
		}

	}

}
