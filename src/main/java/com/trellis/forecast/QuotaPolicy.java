package com.trellis.forecast;

import com.trellis.identity.Role;

/**
 * Who may set which quota or target. Quotas are per rep, per sales manager and per PAM;
 * the program's partner target is the PARTNERS scope. The admin sets any of them; a sales
 * manager sets the quotas of the reps and managers below them; nobody else sets any.
 */
final class QuotaPolicy {

	private QuotaPolicy() {
	}

	/**
	 * Whether a quota is set for this kind of scope (a rep, manager, PAM, or partners).
	 */
	static boolean quotaScope(Scope.Kind kind) {
		return kind != null && kind != Scope.Kind.PROGRAM && kind != Scope.Kind.PARTNER;
	}

	/**
	 * @param viewerRole who asks
	 * @param kind whose quota
	 * @param targetRole the role of the user the quota is for (null for the partner
	 * target, or when there is no such user)
	 * @param inViewersTeam whether that user is below the viewer in the hierarchy
	 */
	static Decision decide(Role viewerRole, Scope.Kind kind, Role targetRole, boolean inViewersTeam) {
		if (!quotaScope(kind)) {
			return Decision.invalid("scope", "a quota is for a REP, MANAGER or PAM, or the PARTNERS target");
		}
		Role expected = switch (kind) {
			case REP -> Role.AE;
			case MANAGER -> Role.SALES_MANAGER;
			case PAM -> Role.PAM;
			default -> null;
		};
		if (expected != null && targetRole != expected) {
			return Decision.invalid("scopeId",
					"no " + expected.noun() + " with this id; a " + kind + " quota is for a user with that role");
		}
		if (viewerRole == Role.ADMIN) {
			return new Decision(Outcome.ALLOWED, null, "the program admin sets every quota and target");
		}
		if (viewerRole == Role.SALES_MANAGER && (kind == Scope.Kind.REP || kind == Scope.Kind.MANAGER)
				&& inViewersTeam) {
			return new Decision(Outcome.ALLOWED, null, "a sales manager sets the quotas of their team");
		}
		if (viewerRole == Role.SALES_MANAGER) {
			return new Decision(Outcome.DENIED, null, "a sales manager sets only the quotas of people below them");
		}
		return new Decision(Outcome.DENIED, null, "only the program admin and sales managers set quotas");
	}

	/**
	 * Whether the viewer may set quotas of this scope at all, decided from the scope
	 * alone before the rest of the input is checked: a sales manager reaches only the
	 * reps and managers below them, never a PAM's quota or the partner target. Unknown
	 * scopes are left to {@link #decide}, which names them.
	 * @param viewerRole who asks
	 * @param kind whose quota, null when not given or not a scope
	 * @param inViewersTeam whether the named user is below the viewer in the hierarchy
	 */
	static Decision reach(Role viewerRole, Scope.Kind kind, boolean inViewersTeam) {
		if (viewerRole != Role.SALES_MANAGER || kind == null || kind == Scope.Kind.PROGRAM
				|| kind == Scope.Kind.PARTNER) {
			return new Decision(Outcome.ALLOWED, null, "decided with the rest of the input");
		}
		if ((kind == Scope.Kind.REP || kind == Scope.Kind.MANAGER) && inViewersTeam) {
			return new Decision(Outcome.ALLOWED, null, "a sales manager sets the quotas of their team");
		}
		return new Decision(Outcome.DENIED, null, "a sales manager sets only the quotas of people below them");
	}

	enum Outcome {

		ALLOWED, DENIED, INVALID

	}

	/** The outcome, the bad field when the input is invalid, and why. */
	record Decision(Outcome outcome, String field, String reason) {

		static Decision invalid(String field, String reason) {
			return new Decision(Outcome.INVALID, field, reason);
		}

	}

}
