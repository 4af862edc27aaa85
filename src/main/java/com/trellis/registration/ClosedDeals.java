package com.trellis.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;

import com.trellis.audit.AuditLog;
import com.trellis.deals.DealClosed;
import com.trellis.notify.PartnerNotice;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a closed deal means for registrations: the approved registration's protection has
 * done its work, won or lost ({@link RegistrationStatus#DEAL_WON},
 * {@link RegistrationStatus#DEAL_LOST}), and what was held behind it is decided again, as
 * are the registrations held because of the deal itself. A won registration no longer
 * holds the customer: a later registration of it (an expansion deal, another partner's
 * project) is decided by the rules of engagement afresh, not held behind a deal that
 * cannot lapse. A deal reopened and closed again moves the registrations that ended with
 * it to its new outcome. Running twice changes nothing more: only approved, held and
 * registrations ended with the other outcome are touched. The registration ends at the
 * deal's close moment ({@link DealClosed#closedAt}, a back-dated one for an imported
 * close), the clock's now only when the event has none.
 */
@Component
class ClosedDeals {

	private final RegistrationRepository registrations;

	private final ProtectionRepository protections;

	private final HeldQueue held;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClosedDeals(RegistrationRepository registrations, ProtectionRepository protections, HeldQueue held, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.registrations = registrations;
		this.protections = protections;
		this.held = held;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DealClosed event) {
		// the deal's close moment (an import's may lie in the past); the clock's now only
		// when the event does not say
		var closed = event.closedAt() != null ? event.closedAt() : this.clock.instant();
		long deal = event.opportunityId();
		this.protections.markDealClosed(deal, closed);
		var to = event.won() ? RegistrationStatus.DEAL_WON : RegistrationStatus.DEAL_LOST;
		var outcome = event.won() ? "won" : "lost";
		var ended = new ArrayList<Row>();
		for (long id : this.protections.approvedOn(deal)) {
			ended.add(end(id, to,
					event.won() ? "Your deal closed won; the registration did its work and its protection ended."
							: "Your deal closed lost, so the protection of this customer ended.",
					closed, "Deal " + deal + " closed " + outcome + "; protection ended",
					"protection ended: deal " + deal + " closed " + outcome));
		}
		// a deal reopened after its close and closed again: the registration ended with
		// it
		// follows its last outcome (try01: won, reopened and lost still said "closed
		// won")
		var other = event.won() ? RegistrationStatus.DEAL_LOST : RegistrationStatus.DEAL_WON;
		for (long id : this.protections.endedOn(deal, other)) {
			end(id, to,
					"Your deal was reopened and closed " + outcome + "; the protection had ended at its first close.",
					closed, "Deal " + deal + " reopened and closed " + outcome,
					"outcome changed: deal " + deal + " reopened and closed " + outcome);
		}
		this.held.release(null, ended);
		this.held.dealClosed(deal);
	}

	/**
	 * Ends one registration with its deal's outcome: status, history, audit and, for a
	 * loss, the partner's notice (a won deal's partner hears of the win from the deal).
	 */
	private Row end(long id, RegistrationStatus to, String told, Instant closed, String history, String audited) {
		var before = this.registrations.findForUpdate(id).orElseThrow().view();
		var at = endedAt(closed, before);
		this.registrations.changeStatus(id, to, told, null, at);
		this.registrations.recordHistory(id, before.status(), to, null, at, history);
		var after = this.registrations.findForUpdate(id).orElseThrow();
		this.audit.record(AuditLog.Actor.SYSTEM, "deal-registration", id, audited, before, after.view());
		if (to == RegistrationStatus.DEAL_LOST) {
			this.events.publishEvent(new PartnerNotice("registration:" + id + ":DEAL_LOST", before.partnerId(),
					"REGISTRATION_DEAL_LOST", "Protection ended: " + StoredFigures.text(before.customerName()), told,
					"/registrations/" + id));
		}
		return after;
	}

	/**
	 * When an approved registration ended with its deal: the deal's close moment, but not
	 * before the registration was approved (a close imported with an earlier moment than
	 * the approval would put its end before its start in the history).
	 */
	static Instant endedAt(Instant closed, RegistrationView registration) {
		var approved = registration.approvedAt();
		return approved != null && closed.isBefore(approved) ? approved : closed;
	}

}
