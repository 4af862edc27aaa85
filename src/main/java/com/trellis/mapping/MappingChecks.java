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

}
