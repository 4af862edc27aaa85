package com.trellis.deals;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The deal rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound.
 */
final class DealChecks {

	private DealChecks() {
	}

	/**
	 * The deal's owner, their managers or an admin edits it ({@link Deals#canEdit}); a
	 * viewer who cannot see the deal gets 404.
	 */
	@Component
	static class Editable implements AccessCheck {

		private final Deals deals;

		Editable(Deals deals) {
			this.deals = deals;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null && !this.deals.canEdit(viewer, this.deals.get(viewer, id))) {
				throw new AccessDeniedException("Only the owner, their managers or an admin change this deal");
			}
		}

	}

	/**
	 * A deal is seen as {@link Deals#get} says (a partner user its partner's deals; 404
	 * otherwise), checked before any read under its path is bound
	 * ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(Deals deals) {
			super(deals::get, "/api/v1/opportunities/{id}", "/opportunities/{id}");
		}

	}

	/** The deal in the path exists for the viewer (404 before the body is read). */
	@Component
	static class Existing extends com.trellis.identity.ExistingRecord {

		Existing(Deals deals) {
			super(deals::get);
		}

	}

}
