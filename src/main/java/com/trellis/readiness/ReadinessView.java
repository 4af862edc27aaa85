package com.trellis.readiness;

import java.util.List;

import com.trellis.maturity.PartnerMaturity;

/**
 * A partner's readiness self-assessment: every submitted version (newest first), its
 * material, the points the validated version gives today (null without one), and the
 * partner's latest sales-maturity result from the {@code maturity} module (null before
 * its first), shown beside it as an input to the PAM's validation.
 */
public record ReadinessView(long partnerId, String partnerName, List<AssessmentView> versions,
		List<MaterialView> materials, ValidatedAssessment validated, PartnerMaturity maturity) {
}
