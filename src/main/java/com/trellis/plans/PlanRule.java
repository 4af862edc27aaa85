package com.trellis.plans;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Checks what a plan's fields say together: the goals end on or after they start, the
 * vendor owner is an enabled member of our staff (not a partner user), and the partner
 * contact is an enabled user of the plan's partner. Each problem names its field.
 */
final class PlanRule {

	private PlanRule() {
	}

	static List<FieldError> check(PlanCommand plan, UserSummary vendorOwner, UserSummary partnerContact) {
		return check(plan, vendorOwner, partnerContact, true);
	}

	/**
	 * As {@link #check(PlanCommand, UserSummary, UserSummary)}; with a plan partner that
	 * does not exist ({@code partnerKnown} false, named on its own field) a contact of
	 * another partner is not called wrong for it, a contact who is no partner user still
	 * is.
	 */
	static List<FieldError> check(PlanCommand plan, UserSummary vendorOwner, UserSummary partnerContact,
			boolean partnerKnown) {
		var errors = new ArrayList<FieldError>();
		if (plan.endsOn().isBefore(plan.startsOn())) {
			errors.add(new FieldError("endsOn", "must be on or after startsOn (" + plan.startsOn() + ")"));
		}
		if (vendorOwner == null) {
			errors.add(new FieldError("vendorOwnerId", "no active user with id " + plan.vendorOwnerId()));
		}
		else if (vendorOwner.role() == Role.PARTNER) {
			errors.add(new FieldError("vendorOwnerId", "must be one of our staff, not a partner user"));
		}
		if (partnerContact == null) {
			errors.add(new FieldError("partnerContactId", "no active user with id " + plan.partnerContactId()));
		}
		else if (partnerContact.partnerId() == null
				|| (partnerKnown && !partnerContact.partnerId().equals(plan.partnerId()))) {
			errors.add(new FieldError("partnerContactId", "must be a user of the plan's partner"));
		}
		return errors;
	}

}
