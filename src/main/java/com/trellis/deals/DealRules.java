package com.trellis.deals;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.stereotype.Component;

/**
 * What a deal's fields must hold beside its edit rule ({@link DealEditRule}): the partner
 * involvement, an existing account and partner, a known currency and an active account
 * executive or sales manager as owner, one the viewer may name
 * ({@link Users#ownerOutOfReach}). A page edit, the API and an import (the Trellis deal
 * format) judge alike. Split from {@link Deals}.
 */
@Component
class DealRules {

	private final Accounts accounts;

	private final Partners partners;

	private final Users users;

	DealRules(Accounts accounts, Partners partners, Users users) {
		this.accounts = accounts;
		this.partners = partners;
		this.users = users;
	}

	/**
	 * The deal's owner (the command's, else the viewer); refused with every problem, each
	 * naming its field.
	 */
	long validate(Viewer viewer, OpportunityCommand command, List<FieldError> refused, OpportunityView before) {
		var errors = problems(viewer, command, refused, before);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return ownerOf(viewer, command, before);
	}

	/**
	 * The deal's owner the command asks for: the one it names, else the deal's current
	 * owner (an edit without {@code ownerId} keeps them), else the viewer (a new deal).
	 */
	private static long ownerOf(Viewer viewer, OpportunityCommand command, OpportunityView before) {
		if (command.ownerId() != null) {
			return command.ownerId();
		}
		return before != null ? before.ownerId() : viewer.userId();
	}

	/**
	 * Every reason the deal may not take the command's values, beside those already
	 * {@code refused}; {@code before} is the deal as it is, null for a new one.
	 */
	List<FieldError> problems(Viewer viewer, OpportunityCommand command, List<FieldError> refused,
			OpportunityView before) {
		var errors = new ArrayList<>(refused);
		Long currentOwner = before == null ? null : before.ownerId();
		errors.addAll(PartnerInvolvementRule.check(command));
		if (!this.accounts.exists(command.accountId())) {
			unknown(errors, new FieldError("accountId", "no account with id " + command.accountId()));
		}
		if (command.partnerId() != null && this.partners.names(viewer, List.of(command.partnerId())).isEmpty()) {
			unknown(errors, new FieldError("partnerId", "no partner with id " + command.partnerId()));
		}
		else if (command.partnerId() != null && (command.stage() == null || !command.stage().isClosed())
				&& (before == null || !command.partnerId().equals(before.partnerId()))) {
			keptOut(viewer, command.partnerId()).ifPresent(errors::add);
		}
		try {
			Currency.getInstance(command.currency());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("currency", "unknown currency " + command.currency()));
		}
		long owner = ownerOf(viewer, command, before);
		// a deal is owned by an active account executive or sales manager; one that has
		// another owner already keeps them until someone names a new one
		if (currentOwner == null || owner != currentOwner) {
			var ownerUser = this.users.findEnabled(owner).orElse(null);
			if (ownerUser == null || !(ownerUser.role() == Role.AE || ownerUser.role() == Role.SALES_MANAGER)) {
				errors.add(new FieldError("ownerId", "must be the id of an active account executive or sales manager"
						+ (command.ownerId() == null ? " (name the deal's owner)" : "")));
			}
			else {
				this.users.ownerOutOfReach(viewer, owner, "deals")
					.ifPresent(why -> errors.add(new FieldError("ownerId", why)));
			}
		}
		return errors;
	}

	/**
	 * Why a partner may not join an open deal (as its source, influencer or co-seller): a
	 * prospect is not onboarded, a sunset partner has left the program, as for deal
	 * registrations, leads and MDF. A deal the partner is on already keeps it; a closed
	 * deal (an import of the program's history) may name any partner.
	 */
	java.util.Optional<FieldError> keptOut(Viewer viewer, long partnerId) {
		return this.partners.get(viewer, partnerId)
			.lifecycleStatus()
			.keepsOut("join a deal")
			.map(why -> new FieldError("partnerId", why));
	}

	/**
	 * A reference to nothing is the only thing said about its field: what the field would
	 * have changed (a fixed partner, a closed deal's partner) is moot.
	 */
	private static void unknown(List<FieldError> errors, FieldError error) {
		errors.removeIf(other -> other.field().equals(error.field()));
		errors.add(error);
	}

}
