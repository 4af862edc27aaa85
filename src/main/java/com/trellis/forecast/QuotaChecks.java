package com.trellis.forecast;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The quota rule an operation names with {@link com.trellis.identity.ActsOn}: decided
 * from the body's {@code scope} and {@code scopeId} (the page form's {@code target}, as
 * {@code KIND:id}) by {@link QuotaPolicy#reach} before the rest is bound and validated.
 */
final class QuotaChecks {

	private QuotaChecks() {
	}

	@Component
	static class Setter implements AccessCheck {

		private final Users users;

		Setter(Users users) {
			this.users = users;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var kind = kind(request.text("scope"));
			var scopeId = request.id("scopeId");
			var target = request.text("target");
			if (kind == null && target != null && target.indexOf(':') > 0) {
				// the page's form names the scope as KIND:id
				kind = kind(target.substring(0, target.indexOf(':')));
				scopeId = new Request("id", name -> target.substring(target.indexOf(':') + 1)).id();
			}
			if (scopeId == null && (kind == Scope.Kind.REP || kind == Scope.Kind.MANAGER)) {
				return;
			}
			boolean inTeam = scopeId != null && viewer.is(com.trellis.identity.Role.SALES_MANAGER)
					&& this.users.reportsOf(viewer.userId()).contains(scopeId);
			var decision = QuotaPolicy.reach(viewer.role(), kind, inTeam);
			if (decision.outcome() == QuotaPolicy.Outcome.DENIED) {
				throw new AccessDeniedException(decision.reason());
			}
		}

		private static Scope.Kind kind(String text) {
			for (var kind : Scope.Kind.values()) {
				if (kind.name().equals(text)) {
					return kind;
				}
			}
			return null;
		}

	}

}
