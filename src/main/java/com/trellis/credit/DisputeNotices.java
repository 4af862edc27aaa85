package com.trellis.credit;

import java.util.LinkedHashSet;

import com.trellis.deals.OpportunityView;
import com.trellis.identity.Users;
import com.trellis.partners.Partners;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A raised credit dispute reaches the partner's PAM, who decides it, and the manager of
 * the deal's owner; the one who raised it is not told of it.
 */
@Component
class DisputeNotices {

	private final Partners partners;

	private final Users users;

	private final ApplicationEventPublisher events;

	DisputeNotices(Partners partners, Users users, ApplicationEventPublisher events) {
		this.partners = partners;
		this.users = users;
		this.events = events;
	}

	void raised(long actorId, CreditDispute dispute, OpportunityView deal) {
		var recipients = new LinkedHashSet<Long>();
		this.partners.ownerPam(dispute.partnerId()).ifPresent(recipients::add);
		// the owner's manager, or the next active one up: a deactivated manager is never
		// asked
		this.users.activeManagerOf(deal.ownerId()).ifPresent(recipients::add);
		recipients.remove(actorId);
		for (var user : recipients) {
			this.events.publishEvent(new DisputeToDecide(dispute.id(), deal.id(), deal.name(),
					dispute.proposedCreditType(), dispute.proposedShare(), dispute.reason())
				.noticeTo(user));
		}
	}

}
