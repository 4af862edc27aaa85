package com.trellis.registration;

import java.math.BigDecimal;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.shared.StoredFigures;

/**
 * The words of the notice that tells a PAM a registration waits for their decision, kept
 * in one place for the live path ({@link DecisionNotices}) and the demo alike.
 *
 * @param status PENDING or ON_HOLD (part of the key)
 * @param at the moment it came to wait, in epoch milliseconds (part of the key)
 * @param statusReason why it is on hold (only shown then)
 */
public record RegistrationToDecide(long registrationId, RegistrationStatus status, long at, String customerName,
		BigDecimal amount, String currency, String statusReason) {

	/** The amount at its currency's minor unit, whatever scale it was read with. */
	public RegistrationToDecide {
		amount = com.trellis.shared.MinorUnits.round(amount, currency);
	}

	/** The notice to the partner's PAM. */
	public StaffNotice noticeTo(long pamId) {
		var held = this.status == RegistrationStatus.ON_HOLD;
		return new StaffNotice(
				"registration:" + this.registrationId + ":" + this.status + ":" + this.at + ":user:" + pamId, pamId,
				StaffNoticeKind.REGISTRATION_SUBMITTED,
				(held ? "Registration on hold: " : "Registration to decide: ") + StoredFigures.text(this.customerName),
				StoredFigures.text(this.customerName) + " (" + StoredFigures.money(this.amount, this.currency)
						+ ") waits for your decision."
						+ (held ? " It is on hold: " + StoredFigures.text(this.statusReason) : ""),
				"/registrations/" + this.registrationId);
	}

}
