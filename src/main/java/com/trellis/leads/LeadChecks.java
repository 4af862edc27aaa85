package com.trellis.leads;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The lead rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. A viewer who cannot see the lead gets 404.
 */
final class LeadChecks {

	private LeadChecks() {
	}

	/** The partner's PAM or an admin routes a lead ({@link Leads#canRoute}). */
	@Component
	static class Routed implements AccessCheck {

		private final Leads leads;

		Routed(Leads leads) {
			this.leads = leads;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null && !this.leads.canRoute(viewer, this.leads.get(viewer, id))) {
				throw new AccessDeniedException("Only the partner's PAM or an admin routes a lead");
			}
		}

	}

	/**
	 * The rep the lead is routed to, their manager or an admin accepts, declines or
	 * follows it up ({@link Leads#canWork}).
	 */
	@Component
	static class Worked implements AccessCheck {

		private final Leads leads;

		Worked(Leads leads) {
			this.leads = leads;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null && !this.leads.canWork(viewer, this.leads.get(viewer, id))) {
				throw new AccessDeniedException(
						"Only the rep the lead is routed to, their manager or an admin works it");
			}
		}

	}

	/**
	 * A lead is seen as {@link Leads#get} says (404 otherwise), checked before any read
	 * under its path is bound ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(Leads leads) {
			super(leads::get, "/api/v1/leads/{id}", "/leads/{id}");
		}

	}

}
