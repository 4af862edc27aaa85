package com.trellis.cosell;

import java.util.List;

import com.trellis.deals.AttachPartner;
import com.trellis.deals.CreditType;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.Registrations;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AE view's one-click actions: attach a partner present at the account to a deal
 * (with the program's share for its credit), and the deals an account page offers for it
 * and for asking the partner's help. Role and ownership first, then the input.
 */
@Service
class OverlapActions {

	private final AttachPartner attach;

	private final Deals deals;

	private final Registrations registrations;

	private final Commands commands;

	OverlapActions(AttachPartner attach, Deals deals, Registrations registrations, Commands commands) {
		this.attach = attach;
		this.deals = deals;
		this.registrations = registrations;
		this.commands = commands;
	}

	@Transactional
	OpportunityView attach(Viewer viewer, long opportunityId, AttachFromOverlap command) {
		this.attach.requireAttaches(viewer, opportunityId);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		var share = this.registrations.rules().shareFor(command.creditType());
		return this.attach.attach(viewer, opportunityId, command.partnerId(), command.creditType(), share);
	}

	/** The deal of an account page's form: one of this account's, seen by the viewer. */
	OpportunityView dealOfAccount(Viewer viewer, long accountId, Long opportunityId) {
		if (opportunityId == null) {
			// who may not act on the account is refused before (CoSellChecks)
			throw InvalidInputException.of("opportunityId", "choose one of the account's open deals");
		}
		var deal = this.deals.get(viewer, opportunityId);
		if (deal.accountId() != accountId) {
			throw InvalidInputException.of("opportunityId", "the deal is not on this account");
		}
		return deal;
	}

	/** The account's open deals the viewer may ask a partner's help on. */
	@Transactional(readOnly = true)
	List<OpportunityView> askable(Viewer viewer, long accountId) {
		return this.deals.openOnAccounts(List.of(accountId))
			.stream()
			.filter(d -> viewer.is(Role.PAM) || this.deals.canEdit(viewer, d))
			.toList();
	}

	/** The account's open deals without a partner the viewer may attach one to. */
	@Transactional(readOnly = true)
	List<OpportunityView> attachable(Viewer viewer, long accountId) {
		return this.deals.openOnAccounts(List.of(accountId))
			.stream()
			.filter(d -> d.partnerId() == null && this.deals.canEdit(viewer, d))
			.toList();
	}

	/** Whether the viewer may attach partners to this deal (its owner side, an admin). */
	boolean attaches(Viewer viewer, long opportunityId) {
		try {
			this.attach.requireAttaches(viewer, opportunityId);
			return true;
		}
		catch (AccessDeniedException ex) {
			return false;
		}
	}

	static CreditType credit(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip()) {
			case "INFLUENCED" -> CreditType.INFLUENCED;
			case "CO_SELL" -> CreditType.CO_SELL;
			default -> throw InvalidInputException.of("creditType", "must be INFLUENCED or CO_SELL");
		};
	}

}
