package com.trellis.readiness;

import java.util.List;

/**
 * A partner's readiness self-assessment: every submitted version (newest first), its
 * material, and the points the validated version gives today (null without one).
 */
public record ReadinessView(long partnerId, String partnerName, List<AssessmentView> versions,
		List<MaterialView> materials, ValidatedAssessment validated) {
}
