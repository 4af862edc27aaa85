package com.trellis.credit;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.shared.StoredFigures;

/**
 * The words of the notice that tells the PAM (and the deal owner's manager) of a raised
 * credit dispute, kept in one place for the live path ({@link DisputeNotices}) and the
 * demo alike.
 */
public record DisputeToDecide(long disputeId, long dealId, String dealName, CreditType proposedCreditType,
		BigDecimal proposedShare, String reason) {

	/** The notice to one recipient. */
	public StaffNotice noticeTo(long userId) {
		return new StaffNotice("credit-dispute:" + this.disputeId + ":RAISED:user:" + userId, userId,
				StaffNoticeKind.CREDIT_DISPUTE, "Credit dispute on " + StoredFigures.text(this.dealName),
				"The partner credit of " + StoredFigures.text(this.dealName) + " is disputed: proposed "
						+ this.proposedCreditType.label().toLowerCase() + " at "
						+ StoredFigures.percent(this.proposedShare) + ". " + StoredFigures.text(this.reason),
				"/opportunities/" + this.dealId);
	}

}
