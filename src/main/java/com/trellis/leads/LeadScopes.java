package com.trellis.leads;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.leads.LeadRepository.Scope;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose leads a viewer sees (a partner user its partner's, an AE those routed to them, a
 * sales manager their team's, a PAM their book's, admins and executives all) and for
 * which partner a viewer may submit one.
 */
@Component
class LeadScopes {

	private final Users users;

	private final Partners partners;

	LeadScopes(Users users, Partners partners) {
		this.users = users;
		this.partners = partners;
	}

	Scope of(Viewer viewer) {
		return switch (viewer.role()) {
			case PARTNER -> new Scope(viewer.partnerId(), null, null);
			case AE -> new Scope(null, List.of(viewer.userId()), null);
			case SALES_MANAGER -> {
				var team = new ArrayList<>(this.users.reportsOf(viewer.userId()));
				team.add(viewer.userId());
				yield new Scope(null, team, null);
			}
			case PAM -> new Scope(null, null, this.partners.book(viewer.userId()));
			case ADMIN, EXECUTIVE -> Scope.ALL;
		};
	}

	/**
	 * The partner a lead is submitted for: a partner user's own; for a PAM or an admin
	 * the partner the command names, which must exist and be one they act for.
	 */
	long submitterPartner(Viewer viewer, LeadCommand command) {
		long partnerId = actingPartner(viewer, command);
		this.partners.get(viewer, partnerId).lifecycleStatus().keepsOut("submit leads").ifPresent(why -> {
			throw InvalidInputException.of("partnerId", why);
		});
		return partnerId;
	}

	private long actingPartner(Viewer viewer, LeadCommand command) {
		if (viewer.isPartnerUser()) {
			return viewer.ownPartner(command.partnerId());
		}
		if (!viewer.is(Role.PAM, Role.ADMIN)) {
			throw new AccessDeniedException("Leads come from partners, or from their PAM on their behalf");
		}
		if (command.partnerId() == null) {
			throw InvalidInputException.of("partnerId", "name the partner the lead comes from");
		}
		if (this.partners.names(viewer, List.of(command.partnerId())).isEmpty()) {
			throw InvalidInputException.of("partnerId", "no partner with id " + command.partnerId());
		}
		this.partners.requireActsFor(viewer, command.partnerId());
		return command.partnerId();
	}

}
