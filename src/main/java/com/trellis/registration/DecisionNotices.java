package com.trellis.registration;

import com.trellis.partners.Partners;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the partner's PAM that a registration waits for their decision (submitted, put on
 * hold, resubmitted or reconsidered), unless the PAM made the change themselves.
 */
@Component
class DecisionNotices {

	private final Partners partners;

	private final ApplicationEventPublisher events;

	DecisionNotices(Partners partners, ApplicationEventPublisher events) {
		this.partners = partners;
		this.events = events;
	}

	/**
	 * @param actorId who made the change (null for the system)
	 * @param at the moment of the change, in epoch milliseconds (part of the key)
	 */
	void toDecide(Long actorId, RegistrationView view, long at) {
		if (view.status() != RegistrationStatus.PENDING && view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		var pam = this.partners.ownerPam(view.partnerId()).orElse(null);
		if (pam == null || pam.equals(actorId)) {
			return;
		}
		this.events.publishEvent(new RegistrationToDecide(view.id(), view.status(), at, view.customerName(),
				view.amount(), view.currency(), view.statusReason())
			.noticeTo(pam));
	}

}
