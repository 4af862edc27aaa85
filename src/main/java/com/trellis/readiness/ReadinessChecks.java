package com.trellis.readiness;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The readiness rules operations name with {@link com.trellis.identity.ActsOn}, so they
 * decide on the partner in the path before any input is bound; the facade checks again.
 */
final class ReadinessChecks {

	private ReadinessChecks() {
	}

	/** A user of the partner itself ({@link ReadinessAssessments#requireFillsIn}). */
	@Component
	static class FillsIn implements AccessCheck {

		private final ReadinessAssessments readiness;

		FillsIn(ReadinessAssessments readiness) {
			this.readiness = readiness;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.readiness.requireFillsIn(viewer, id);
			}
		}

	}

	/** The partner's PAM or an admin ({@link ReadinessAssessments#requireValidates}). */
	@Component
	static class Validates implements AccessCheck {

		private final ReadinessAssessments readiness;

		Validates(ReadinessAssessments readiness) {
			this.readiness = readiness;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.readiness.requireValidates(viewer, id);
			}
		}

	}

}
