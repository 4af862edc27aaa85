package com.trellis.deals;

import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Checks that a deal's source, partner and credit agree: a partner-sourced deal names its
 * partner and is credited as sourced; a partner on a deal always carries a credit type
 * and a share; a direct deal without a partner carries neither.
 */
final class PartnerInvolvementRule {

	private PartnerInvolvementRule() {
	}

	static List<FieldError> check(OpportunityCommand command) {
		var errors = new ArrayList<FieldError>();
		if (command.source() == DealSource.PARTNER && command.partnerId() == null) {
			errors.add(new FieldError("partnerId", "a partner-sourced deal must name its partner"));
		}
		if (command.partnerId() != null && command.creditType() == null) {
			errors.add(new FieldError("creditType", "a deal with a partner needs a credit type"));
		}
		if (command.partnerId() != null && command.partnerShare() == null) {
			errors.add(new FieldError("partnerShare", "a deal with a partner needs the partner's share"));
		}
		if (command.partnerId() == null && (command.creditType() != null || command.partnerShare() != null)) {
			errors.add(new FieldError("partnerId", "credit type and share need a partner on the deal"));
		}
		if (command.creditType() == CreditType.SOURCED && command.source() != DealSource.PARTNER) {
			errors.add(new FieldError("source", "a deal credited as partner-sourced must have source PARTNER"));
		}
		if (command.creditType() != null && command.creditType() != CreditType.SOURCED
				&& command.source() == DealSource.PARTNER) {
			errors.add(new FieldError("creditType", "a partner-sourced deal is credited as SOURCED"));
		}
		return errors;
	}

}
