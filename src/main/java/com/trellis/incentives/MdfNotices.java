package com.trellis.incentives;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
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
		this.events.publishEvent(new StaffNotice(
				"mdf-request:" + request.id() + ":REQUESTED:user:" + pam, pam, StaffNoticeKind.MDF_REQUEST,
				"MDF request to decide: " + request.activity(), "Requested " + request.cost().toPlainString() + " "
						+ request.currency() + " for " + request.activity() + ".",
				"/partners/" + request.partnerId() + "/incentives"));
	}

}
