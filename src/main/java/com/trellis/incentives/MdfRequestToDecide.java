package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.shared.StoredFigures;

/**
 * The words of the notice that tells a PAM an MDF request waits for their decision, kept
 * in one place for the live path ({@link MdfNotices}) and the demo alike.
 */
public record MdfRequestToDecide(long requestId, long partnerId, String activity, BigDecimal cost, String currency) {

	/** The amount at its currency's minor unit, whatever scale it was read with. */
	public MdfRequestToDecide {
		cost = com.trellis.shared.MinorUnits.round(cost, currency);
	}

	/** The notice to the partner's PAM. */
	public StaffNotice noticeTo(long pamId) {
		return new StaffNotice("mdf-request:" + this.requestId + ":REQUESTED:user:" + pamId, pamId,
				StaffNoticeKind.MDF_REQUEST, "MDF request to decide: " + StoredFigures.text(this.activity),
				"Requested " + StoredFigures.money(this.cost, this.currency) + " for "
						+ StoredFigures.text(this.activity) + ".",
				"/partners/" + this.partnerId + "/incentives");
	}

}
