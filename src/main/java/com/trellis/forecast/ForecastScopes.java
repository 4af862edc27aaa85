package com.trellis.forecast;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which forecast scope: admins and executives every one, a partner user its
 * own partner's, an AE its own, a sales manager its team and its reps, a PAM its book and
 * its partners. Split from {@link Forecasts}.
 */
@Component
class ForecastScopes {

	private final Partners partners;

	private final Users users;

	ForecastScopes(Partners partners, Users users) {
		this.partners = partners;
		this.users = users;
	}

	/**
	 * The viewer's own scope: the program for admins and executives, a manager's team, an
	 * AE's own deals, a PAM's book, a partner user's partner.
	 */
	static Scope own(Viewer viewer) {
		return switch (viewer.role()) {
			case ADMIN, EXECUTIVE -> Scope.PROGRAM;
			case SALES_MANAGER -> new Scope(Scope.Kind.MANAGER, viewer.userId());
			case AE -> new Scope(Scope.Kind.REP, viewer.userId());
			case PAM -> new Scope(Scope.Kind.PAM, viewer.userId());
			case PARTNER -> new Scope(Scope.Kind.PARTNER, viewer.partnerId());
		};
	}

	/**
	 * The scope a request asks for, checked in the order every endpoint checks: the
	 * viewer's role and ownership first (403, whatever the id), then the id itself (400
	 * naming {@code scopeId} when missing, extra or naming nobody of that kind). No kind
	 * asks for the viewer's own scope ({@link #own}); an id without a kind is a 400
	 * naming {@code scopeId}, never read as the viewer's own.
	 */
	Scope asked(Viewer viewer, Scope.Kind kind, Long id) {
		if (kind == null) {
			if (id != null) {
				throw InvalidInputException.of("scopeId",
						"give the scope the id belongs to (scope=PAM, PARTNER, REP or MANAGER)");
			}
			return own(viewer);
		}
		allowed(viewer, kind, id);
		var scope = new Scope(kind, id);
		// the role a person scope's id must have
		var role = switch (kind) {
			case PAM -> Role.PAM;
			case MANAGER -> Role.SALES_MANAGER;
			case REP -> Role.AE;
			default -> null;
		};
		boolean known = switch (kind) {
			case PROGRAM, PARTNERS -> true;
			case PARTNER -> this.partners.names(viewer, List.of(id)).containsKey(id);
			case PAM, MANAGER, REP -> hasRole(id, role);
		};
		if (!known) {
			throw InvalidInputException.of("scopeId",
					"no " + (role != null ? role.noun() : "partner") + " has the id " + id);
		}
		return scope;
	}

	/** Refused (403) when the scope is not the viewer's to see. */
	void allowed(Viewer viewer, Scope scope) {
		allowed(viewer, scope.kind(), scope.id());
	}

	private boolean hasRole(long userId, Role role) {
		return this.users.find(userId).map(u -> u.role() == role).orElse(false);
	}

	private void allowed(Viewer viewer, Scope.Kind kind, Long id) {
		boolean ok = switch (viewer.role()) {
			case ADMIN, EXECUTIVE -> true;
			case PARTNER -> kind == Scope.Kind.PARTNER && viewer.partnerId() != null && viewer.partnerId().equals(id);
			case AE -> kind == Scope.Kind.REP && id != null && id == viewer.userId();
			case SALES_MANAGER -> id != null && (kind == Scope.Kind.MANAGER && id == viewer.userId()
					|| kind == Scope.Kind.REP && this.users.reportsOf(viewer.userId()).contains(id));
			case PAM -> id != null && (kind == Scope.Kind.PAM && id == viewer.userId()
					|| kind == Scope.Kind.PARTNER && this.partners.manages(viewer, id));
		};
		if (!ok) {
			throw new AccessDeniedException("This forecast scope is not yours to see");
		}
	}

}
