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
	 * every refused user id, known or not.
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
			if (id != null) {
				this.enablement.requireRecords(viewer, id);
			}
		}

	}

}
