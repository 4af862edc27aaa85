package com.trellis.cosell;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The co-sell rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again.
 */
final class CoSellChecks {

	private CoSellChecks() {
	}

	/**
	 * Who may ask for help on the deal in the path
	 * ({@link CoSellRequests#requireRequests}).
	 */
	@Component
	static class Requested implements AccessCheck {

		private final CoSellRequests requests;

		Requested(CoSellRequests requests) {
			this.requests = requests;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.requests.requireRequests(viewer, id);
			}
		}

	}

	/** Only the partner asked answers ({@link CoSellRequests#requireAnswers}). */
	@Component
	static class Answered implements AccessCheck {

		private final CoSellRequests requests;

		Answered(CoSellRequests requests) {
			this.requests = requests;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.requests.requireAnswers(viewer, id);
			}
		}

	}

}
