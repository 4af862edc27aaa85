package com.trellis.enablement;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The enablement rules an operation names with {@link com.trellis.identity.ActsOn}, so
 * they decide before its input is bound. Each delegates to the facade, which checks again
 * when it does the work.
 */
final class EnablementChecks {

	private EnablementChecks() {
	}

	/**
	 * Who records completions for a user ({@link Enablement#requireRecords}): one 403 for
	 * every refused user id, known or not; to an admin, 404 for an id no partner user
	 * has.
	 */
	@Component
	static class Recorder implements AccessCheck {

		private final Enablement enablement;

		Recorder(Enablement enablement) {
			this.enablement = enablement;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			// an admin may record for any partner user: one that does not exist is 404
			// before the body is read (s72)
			if (id != null && this.enablement.requireRecords(viewer, id) == null) {
				throw new com.trellis.shared.NotFoundException("Partner user", id);
			}
		}

	}

}
