package com.trellis.forecast;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The forecast call rules an operation names with {@link com.trellis.identity.ActsOn}, so
 * they decide before its input is bound. Each delegates to the facade, which checks again
 * when it does the work.
 */
final class CallChecks {

	private CallChecks() {
	}

	/**
	 * The deal's owner or their manager calls it commit ({@link Forecasts#requireCalls}).
	 */
	@Component
	static class Caller implements AccessCheck {

		private final Forecasts forecasts;

		Caller(Forecasts forecasts) {
			this.forecasts = forecasts;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.forecasts.requireCalls(viewer, id);
			}
		}

	}

}
