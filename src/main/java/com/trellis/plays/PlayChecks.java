package com.trellis.plays;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The plays rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again.
 */
final class PlayChecks {

	private PlayChecks() {
	}

	/** Who may attach a play to the deal in the path ({@link Plays#requireAttaches}). */
	@Component
	static class Attaches implements AccessCheck {

		private final Plays plays;

		Attaches(Plays plays) {
			this.plays = plays;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.plays.requireAttaches(viewer, id);
			}
		}

	}

	/** The play in the path exists (404 before the body is read). */
	@Component
	static class Existing extends com.trellis.identity.ExistingRecord {

		Existing(Plays plays) {
			super((viewer, id) -> plays.get(id));
		}

	}

}
