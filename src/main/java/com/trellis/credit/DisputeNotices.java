package com.trellis.credit;

import java.util.LinkedHashSet;

import com.trellis.deals.OpportunityView;
import com.trellis.identity.Users;
import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
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
		this.users.find(deal.ownerId()).map(owner -> owner.managerId()).ifPresent(recipients::add);
		recipients.remove(actorId);
		for (var user : recipients) {
			this.events.publishEvent(new StaffNotice("credit-dispute:" + dispute.id() + ":RAISED:user:" + user, user,
					StaffNoticeKind.CREDIT_DISPUTE, "Credit dispute on " + deal.name(),
					"The partner credit of " + deal.name() + " is disputed: proposed "
							+ dispute.proposedCreditType().label().toLowerCase() + " at "
							+ dispute.proposedShare().toPlainString() + "%. " + dispute.reason(),
					"/opportunities/" + deal.id()));
		}
	}

}
