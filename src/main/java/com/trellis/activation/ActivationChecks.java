package com.trellis.activation;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The activation plan rules an operation names with {@link com.trellis.identity.ActsOn},
 * so they decide before its input is bound. Each delegates to the facade, which checks
 * again when it does the work.
 */
final class ActivationChecks {

	private ActivationChecks() {
	}

	/**
	 * The partner's PAM or an admin ticks a milestone, a user of the partner only a
	 * partner-owned one ({@link ActivationPlans#requireTicks}); the milestone is the
	 * path's {@code code}.
	 */
	@Component
	static class Ticked implements AccessCheck {

		private final ActivationPlans plans;

		Ticked(ActivationPlans plans) {
			this.plans = plans;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			var code = request.text("code");
			if (id != null && code != null) {
				this.plans.requireTicks(viewer, id, code);
			}
		}

	}

}
