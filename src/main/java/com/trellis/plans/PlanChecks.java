package com.trellis.plans;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The plan rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again.
 */
final class PlanChecks {

	private PlanChecks() {
	}

	/** Who may write a plan for the partner and account named in the body. */
	@Component
	static class Creates implements AccessCheck {

		private final AccountPlans plans;

		Creates(AccountPlans plans) {
			this.plans = plans;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			this.plans.requireWrites(viewer, request.id("partnerId"), request.id("accountId"));
		}

	}

	/** Who may change the plan in the path. */
	@Component
	static class Writes implements AccessCheck {

		private final AccountPlans plans;

		Writes(AccountPlans plans) {
			this.plans = plans;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.plans.requireWrites(viewer, id);
			}
		}

	}

	/**
	 * Who may tick the action in the path (its plan's writers, the partner's own side).
	 */
	@Component
	static class Ticks implements AccessCheck {

		private final PlanProgress progress;

		Ticks(PlanProgress progress) {
			this.progress = progress;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.progress.requireTicks(viewer, id, request.id("actionId"));
			}
		}

	}

	/**
	 * An account plan is seen as {@link AccountPlans#get} says (404 otherwise), checked
	 * before any read under its path is bound ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(AccountPlans plans) {
			super(plans::get, "/api/v1/account-plans/{id}", "/account-plans/{id}");
		}

	}

}
