package com.trellis.registration;

import com.trellis.notify.StaffNotices;
import com.trellis.partners.Partners;

import org.springframework.stereotype.Component;

/**
 * Tells the partner's PAM that a registration waits for their decision (submitted, put on
 * hold, resubmitted or reconsidered), unless the PAM made the change themselves. The
 * notice (inbox entry and pending deliveries) is written in the caller's transaction, as
 * {@link StatusMoves} writes the partner's: it commits exactly with the change it
 * reports.
 */
@Component
class DecisionNotices {

	private final Partners partners;

	private final StaffNotices notices;

	DecisionNotices(Partners partners, StaffNotices notices) {
		this.partners = partners;
		this.notices = notices;
	}

	/**
	 * @param actorId who made the change (null for the system)
	 * @param at the moment of the change, in epoch milliseconds (part of the key)
	 */
	void toDecide(Long actorId, RegistrationView view, long at) {
		toDecide(actorId, view, at, pamOf(view.partnerId()));
	}

	/** The partner's PAM, who is told, or null when it has none. */
	Long pamOf(long partnerId) {
		return this.partners.ownerPam(partnerId).orElse(null);
	}

	/**
	 * As {@link #toDecide(Long, RegistrationView, long)}, with the partner's PAM looked
	 * up before ({@link #pamOf}): a registration looks it up before it takes the
	 * customer's lock.
	 */
	void toDecide(Long actorId, RegistrationView view, long at, Long pam) {
		if (view.status() != RegistrationStatus.PENDING && view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		if (pam == null || pam.equals(actorId)) {
			return;
		}
		this.notices.enqueue(new RegistrationToDecide(view.id(), view.status(), at, view.customerName(), view.amount(),
				view.currency(), view.statusReason())
			.noticeTo(pam));
	}

}
