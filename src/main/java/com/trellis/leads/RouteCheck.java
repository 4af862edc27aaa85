package com.trellis.leads;

import java.io.Serializable;
import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of routing a lead ({@link Leads#route}) that change nothing: the lead's
 * partner is not a prospect nor sunset ({@code LifecycleStatus.keepsOut}: 400 naming
 * {@code partnerId}), the rep is an active account executive or sales manager (400 naming
 * {@code repId}), and the lead is not decided nor followed up yet nor with that rep
 * already ({@link Lead#routingConflict}: a conflict with its state, 409, or named with
 * bad input in the 400). The page form and the request body run them on what could be
 * read, so that a rep that cannot be read is named in the same round as the lead's own
 * state.
 */
@Component
class RouteCheck {

	static final String REP = "must be the id of an active account executive or sales manager";

	private final Leads leads;

	private final Users users;

	private final Partners partners;

	RouteCheck(Leads leads, Users users, Partners partners) {
		this.leads = leads;
		this.users = users;
		this.partners = partners;
	}

	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, Long repId) {
		var lead = this.leads.get(viewer, id);
		if (!this.leads.canRoute(viewer, lead)) {
			throw new AccessDeniedException("Only the partner's PAM or an admin routes a lead");
		}
		ConflictException.afterInput(() -> rep(this.users, this.partners, lead, repId),
				new Lead(lead).routingConflict(repId));
	}

	/**
	 * The rep named, an active account executive or sales manager, for a lead of a
	 * partner that still brings business; else bad input naming {@code partnerId} and
	 * {@code repId}.
	 */
	static UserSummary rep(Users users, Partners partners, LeadView lead, Long repId) {
		var errors = new ArrayList<FieldError>();
		partners.lifecycleOf(lead.partnerId())
			.keepsOut("have its leads routed")
			.ifPresent(why -> errors.add(new FieldError("partnerId", why)));
		var rep = repId == null ? null : users.findEnabled(repId).orElse(null);
		if (rep == null || !(rep.role() == Role.AE || rep.role() == Role.SALES_MANAGER)) {
			errors.add(new FieldError("repId", REP));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return rep;
	}

	/** The rep a lead is routed to: the page's form and the API's body. */
	record Route(Long repId) implements Serializable {
	}

}
