package com.trellis.leads;

import java.io.Serializable;

import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of routing a lead ({@link Leads#route}) that change nothing: the rep is an
 * active account executive or sales manager (400 naming {@code repId}), and the lead is
 * not decided yet (else a conflict with its state, 409, or named with a bad rep in the
 * 400). The page form and the request body run them on what could be read, so that a rep
 * that cannot be read is named in the same round as the lead's own state.
 */
@Component
class RouteCheck {

	static final String REP = "must be the id of an active account executive or sales manager";

	private final Leads leads;

	private final Users users;

	RouteCheck(Leads leads, Users users) {
		this.leads = leads;
		this.users = users;
	}

	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, Long repId) {
		var lead = this.leads.get(viewer, id);
		if (!this.leads.canRoute(viewer, lead)) {
			throw new AccessDeniedException("Only the partner's PAM or an admin routes a lead");
		}
		ConflictException.afterInput(() -> rep(this.users, repId), new Lead(lead).routingConflict());
	}

	/**
	 * The rep named, an active account executive or sales manager; else bad input naming
	 * {@code repId}.
	 */
	static UserSummary rep(Users users, Long repId) {
		var rep = repId == null ? null : users.findEnabled(repId).orElse(null);
		if (rep == null || !(rep.role() == Role.AE || rep.role() == Role.SALES_MANAGER)) {
			throw InvalidInputException.of("repId", REP);
		}
		return rep;
	}

	/** The rep a lead is routed to: the page's form and the API's body. */
	record Route(Long repId) implements Serializable {
	}

}
