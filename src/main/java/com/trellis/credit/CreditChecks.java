package com.trellis.credit;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The credit dispute rules an operation names with {@link com.trellis.identity.ActsOn},
 * so they decide before its input is bound. Each delegates to the facade, which checks
 * again when it does the work.
 */
final class CreditChecks {

	private CreditChecks() {
	}

	/**
	 * The deal's partner, its owner or the owner's manager, or an admin raises a dispute
	 * on the deal ({@link CreditDisputes#requireRaises}).
	 */
	@Component
	static class Raised implements AccessCheck {

		private final CreditDisputes disputes;

		Raised(CreditDisputes disputes) {
			this.disputes = disputes;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.disputes.requireRaises(viewer, id);
			}
		}

	}

	/**
	 * The partner's PAM or a program admin decides a dispute
	 * ({@link CreditDisputes#requireDecides}).
	 */
	@Component
	static class Decided implements AccessCheck {

		private final CreditDisputes disputes;

		Decided(CreditDisputes disputes) {
			this.disputes = disputes;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.disputes.requireDecides(viewer, id);
			}
		}

	}

}
