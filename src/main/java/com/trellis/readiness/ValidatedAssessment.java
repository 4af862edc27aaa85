package com.trellis.readiness;

import java.time.Instant;

/**
 * The version of a partner's self-assessment its PAM had accepted by a moment, rated
 * 0–100 with the reason ({@code AssessmentRating}), counting only wins, material and
 * ratings known by then.
 */
public record ValidatedAssessment(long partnerId, int version, Instant acceptedAt, int points, String reason) {

	/**
	 * As read by someone: the reason's figures in their notation (it is kept with
	 * locale-free parts, {@code StoredFigures}, for the scores that quote it; try71b: the
	 * page and API showed "{number:5.0}").
	 */
	ValidatedAssessment worded(java.util.Locale locale) {
		return new ValidatedAssessment(this.partnerId, this.version, this.acceptedAt, this.points,
				com.trellis.shared.StoredFigures.render(this.reason, locale));
	}

}
