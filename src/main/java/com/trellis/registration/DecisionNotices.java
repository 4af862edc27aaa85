package com.trellis.registration;

import com.trellis.notify.NoticeAudience;
import com.trellis.notify.NoticeAudiences;
import com.trellis.notify.StaffNotices;
import com.trellis.partners.Partners;
import com.trellis.shared.SqlPipeline;

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

	private final NoticeAudiences audiences;

	DecisionNotices(Partners partners, StaffNotices notices, NoticeAudiences audiences) {
		this.partners = partners;
		this.notices = notices;
		this.audiences = audiences;
	}

	/**
	 * @param actorId who made the change (null for the system)
	 * @param at the moment of the change, in epoch milliseconds (part of the key)
	 */
	void toDecide(Long actorId, RegistrationView view, long at) {
		if (view.status() != RegistrationStatus.PENDING && view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		var pam = pamOf(view.partnerId());
		if (pam == null || pam.equals(actorId)) {
			return;
		}
		this.notices.enqueue(new RegistrationToDecide(view.id(), view.status(), at, view.customerName(), view.amount(),
				view.currency(), view.statusReason())
			.noticeTo(pam));
	}

	/** The partner's PAM, who is told, or null when it has none. */
	Long pamOf(long partnerId) {
		return this.partners.ownerPam(partnerId).orElse(null);
	}

	/**
	 * Who a registration's notices reach, read before it takes the customer's lock (three
	 * statements, whatever the number of users), so that under the lock the notices are
	 * only written: the partner's PAM, unless the PAM registers, and the partner's users,
	 * for the partner's notice of a hold or a rejection.
	 * @param pam the partner's PAM, or null when it has none
	 */
	NoticeAudience audience(Long actorId, long partnerId, Long pam) {
		return this.audiences.of(pam == null || pam.equals(actorId) ? null : pam, partnerId);
	}

	/**
	 * As {@link #toDecide(Long, RegistrationView, long)}, with the partner's PAM and the
	 * audience read before ({@link #audience}): a registration reads them before it takes
	 * the customer's lock.
	 */
	void toDecide(Long actorId, RegistrationView view, long at, Long pam, NoticeAudience audience) {
		if (view.status() != RegistrationStatus.PENDING && view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		if (pam == null || pam.equals(actorId)) {
			return;
		}
		this.notices.enqueue(new RegistrationToDecide(view.id(), view.status(), at, view.customerName(), view.amount(),
				view.currency(), view.statusReason())
			.noticeTo(pam), audience);
	}

	/**
	 * As {@link #toDecide(Long, RegistrationView, long, Long, NoticeAudience)}, with the
	 * notice added to the caller's pipeline when it has no deliveries
	 * ({@link StaffNotices#enqueue(com.trellis.notify.StaffNotice, NoticeAudience, SqlPipeline)}).
	 */
	void toDecide(Long actorId, RegistrationView view, long at, Long pam, NoticeAudience audience,
			SqlPipeline pipeline) {
		if (view.status() != RegistrationStatus.PENDING && view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		if (pam == null || pam.equals(actorId)) {
			return;
		}
		this.notices.enqueue(new RegistrationToDecide(view.id(), view.status(), at, view.customerName(), view.amount(),
				view.currency(), view.statusReason())
			.noticeTo(pam), audience, pipeline);
	}

}
