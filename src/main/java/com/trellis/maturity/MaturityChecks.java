package com.trellis.maturity;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The rule operations on one partner's assessment name with
 * {@link com.trellis.identity.ActsOn}, so the partner in the path is decided on before
 * any answer is read; the facade checks again.
 */
final class MaturityChecks {

	private MaturityChecks() {
	}

	/**
	 * The partner's own users, its PAM or an admin
	 * ({@link MaturityAssessments#requireAnswersPartner}).
	 */
	@Component
	static class AnswersPartner implements AccessCheck {

		private final MaturityAssessments maturity;

		AnswersPartner(MaturityAssessments maturity) {
			this.maturity = maturity;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.maturity.requireAnswersPartner(viewer, id);
			}
		}

	}

	/**
	 * A partner's maturity is read by the partner, its PAM, admins and executives
	 * ({@link MaturityAssessments#requireReadsPartner}), checked before any read under
	 * its path is bound ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(MaturityAssessments maturity) {
			super(maturity::requireReadsPartner, "/api/v1/maturity/partners/{id}", "/partners/{id}/maturity");
		}

	}

}
