package com.trellis.incentives;

import com.trellis.partners.Partners;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** An MDF request reaches the partner's PAM, who decides it, unless they made it. */
@Component
class MdfNotices {

	private final Partners partners;

	private final ApplicationEventPublisher events;

	MdfNotices(Partners partners, ApplicationEventPublisher events) {
		this.partners = partners;
		this.events = events;
	}

	void requested(long actorId, MdfRequest request) {
		var pam = this.partners.ownerPam(request.partnerId()).orElse(null);
		if (pam == null || pam == actorId) {
			return;
		}
		this.events.publishEvent(new MdfRequestToDecide(request.id(), request.partnerId(), request.activity(),
				request.cost(), request.currency())
			.noticeTo(pam));
	}

}
