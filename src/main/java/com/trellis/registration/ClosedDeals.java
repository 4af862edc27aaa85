package com.trellis.registration;

import java.time.Clock;
import java.util.ArrayList;

import com.trellis.audit.AuditLog;
import com.trellis.deals.DealClosed;
import com.trellis.notify.PartnerNotice;
import com.trellis.registration.RegistrationRepository.Row;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a closed deal means for registrations. Won: the approved registration stays, its
 * deal marked closed. Lost or disqualified: the approved registration's protection ends
 * ({@link RegistrationStatus#DEAL_LOST}) and what was held behind it is decided again.
 * Either way, registrations held because of the deal itself are decided again. Running
 * twice changes nothing more: only approved and held registrations are touched.
 */
@Component
class ClosedDeals {

	private final RegistrationRepository registrations;

	private final HeldQueue held;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClosedDeals(RegistrationRepository registrations, HeldQueue held, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.registrations = registrations;
		this.held = held;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DealClosed event) {
		var now = this.clock.instant();
		long deal = event.opportunityId();
		this.registrations.markDealClosed(deal, now);
		var ended = new ArrayList<Row>();
		if (!event.won()) {
			for (long id : this.registrations.approvedOn(deal)) {
				var before = this.registrations.findForUpdate(id).orElseThrow().view();
				var reason = "Your deal closed lost, so the protection of this customer ended.";
				this.registrations.changeStatus(id, RegistrationStatus.DEAL_LOST, reason, null, now);
				this.registrations.recordHistory(id, RegistrationStatus.APPROVED, RegistrationStatus.DEAL_LOST, null,
						now, "Deal " + deal + " closed lost; protection ended");
				var after = this.registrations.findForUpdate(id).orElseThrow();
				this.audit.record(AuditLog.Actor.SYSTEM, "deal-registration", id,
						"protection ended: deal " + deal + " closed lost", before, after.view());
				this.events.publishEvent(new PartnerNotice("registration:" + id + ":DEAL_LOST", before.partnerId(),
						"REGISTRATION_DEAL_LOST", "Protection ended: " + before.customerName(), reason,
						"/registrations/" + id));
				ended.add(after);
			}
		}
		this.held.release(null, ended);
		this.held.dealClosed(deal);
	}

}
