package com.trellis.incentives;

import java.sql.Timestamp;
import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.credit.CreditDisputeDecided;
import com.trellis.credit.CreditDisputeRaised;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Holds a deal's earnings while its partner credit is disputed, and settles them when the
 * dispute is decided. The hold is written by a synchronous listener in the transaction
 * that raised the dispute, so no payout run can slip in between the dispute and its hold.
 * The decision releases the hold once (the release is claimed by its row), audited; an
 * upheld dispute on a won deal re-earns it by the decided share through the
 * {@code DealCorrected} the credit change publishes (once per correction).
 */
@Component
class DisputedEarnings {

	/** The SQL condition that leaves out earnings held by an open dispute ({@code e}). */
	static final String NOT_HELD = " NOT EXISTS (SELECT 1 FROM earning_hold h"
			+ " WHERE h.opportunity_id = e.opportunity_id AND h.released_at IS NULL) ";

	private final JdbcClient jdbc;

	private final LedgerRepository ledger;

	private final AuditLog audit;

	private final Clock clock;

	DisputedEarnings(JdbcClient jdbc, LedgerRepository ledger, DealEarnings dealEarnings, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void on(CreditDisputeRaised event) {
		this.jdbc.sql("""
				INSERT INTO earning_hold (dispute_id, opportunity_id, partner_id, held_at)
				VALUES (:dispute, :deal, :partner, :now) ON CONFLICT (dispute_id) DO NOTHING
				""")
			.param("dispute", event.disputeId())
			.param("deal", event.opportunityId())
			.param("partner", event.partnerId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(AuditLog.Actor.SYSTEM, "opportunity", event.opportunityId(),
				"incentive earnings held: credit dispute " + event.disputeId() + " raised", null, null);
	}

	@ApplicationModuleListener
	void on(CreditDisputeDecided event) {
		this.ledger.lockDeal(event.opportunityId());
		int released = this.jdbc.sql("""
				UPDATE earning_hold SET released_at = :now, outcome = :outcome
				WHERE dispute_id = :dispute AND released_at IS NULL
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("outcome", event.upheld() ? "UPHELD" : "DISMISSED")
			.param("dispute", event.disputeId())
			.update();
		if (released == 0) {
			return;
		}
		// an upheld dispute on a won deal changed its credit, which the deals module
		// announces as a DealCorrected: Incentives re-earns the deal by the decided share
		// then, once per correction
		var why = "credit dispute " + event.disputeId() + (event.upheld() ? " upheld" : " dismissed");
		this.audit.record(AuditLog.Actor.SYSTEM, "opportunity", event.opportunityId(),
				"incentive earnings released: " + why, null, null);
	}

}
