package com.trellis.mapping;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The account mapping rules the page forms name with {@link com.trellis.identity.ActsOn},
 * so they decide before a form is bound. Each delegates to the facade, which checks
 * again.
 */
final class MappingChecks {

	private MappingChecks() {
	}

	/** The partner's own users, its PAM and admins replace its list. */
	@Component
	static class OwnsList implements AccessCheck {

		private final PartnerAccountLists lists;

		OwnsList(PartnerAccountLists lists) {
			this.lists = lists;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.lists.requireOwnsList(viewer, id);
			}
		}

	}

	/** The partner's PAM and admins read its overlaps and answer possible matches. */
	@Component
	static class ManagesOverlaps implements AccessCheck {

		private final Overlaps overlaps;

		ManagesOverlaps(Overlaps overlaps) {
			this.overlaps = overlaps;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.overlaps.requireManages(viewer, id);
			}
		}

	}

	/**
	 * A partner's account list is read by the partner, its PAM and admins
	 * ({@link PartnerAccountLists#requireOwnsList}), before any read under its path is
	 * bound (try13: a PAM of another book was told 400 for an unknown parameter, 403
	 * without).
	 */
	@Component
	static class ListSeen extends com.trellis.identity.SeenRecord {

		ListSeen(PartnerAccountLists lists) {
			super(lists::requireOwnsList, "/api/v1/partners/{id}/account-list", "/partners/{id}/account-list");
		}

	}

	/**
	 * A partner's overlaps are read by its PAM and admins
	 * ({@link Overlaps#requireManages}), before any read under their path is bound.
	 */
	@Component
	static class OverlapsSeen extends com.trellis.identity.SeenRecord {

		OverlapsSeen(Overlaps overlaps) {
			super(overlaps::requireManages, "/api/v1/partners/{id}/overlaps", "/partners/{id}/overlaps");
		}

	}

}
