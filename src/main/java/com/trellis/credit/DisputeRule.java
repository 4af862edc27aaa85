package com.trellis.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.trellis.deals.CreditType;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Whether a deal's credit may be disputed as proposed, with the reason when not: a direct
 * deal has no partner credit, a dispute must propose a credit other than the current one,
 * and a deal has one open dispute at a time. Each problem names its field; fields the
 * proposal leaves empty are judged by their annotations, not here.
 */
final class DisputeRule {

	static final String DIRECT = "a direct deal has no partner credit to dispute";

	static final String SAME = "propose a credit different from the current one";

	static final String OPEN = "this deal already has an open credit dispute";

	private DisputeRule() {
	}

	/**
	 * The problems of the proposal on the deal.
	 * @param partnerId the deal's partner, null for a direct deal
	 * @param open whether the deal has an open dispute already
	 */
	static List<FieldError> check(Long partnerId, CreditType currentType, BigDecimal currentShare, boolean open,
			RaiseDispute proposal) {
		var errors = new ArrayList<FieldError>();
		if (partnerId == null) {
			errors.add(new FieldError("opportunityId", DIRECT));
		}
		else if (open) {
			errors.add(new FieldError("opportunityId", OPEN));
		}
		if (partnerId != null && proposal.proposedCreditType() != null && proposal.proposedShare() != null
				&& proposal.proposedCreditType() == currentType && currentShare != null
				&& proposal.proposedShare().compareTo(currentShare) == 0) {
			errors.add(new FieldError("proposedCreditType", SAME));
		}
		return errors;
	}

}
