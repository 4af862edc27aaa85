package com.trellis.readiness;

import java.time.Instant;

/**
 * The version of a partner's self-assessment its PAM had accepted by a moment, rated
 * 0–100 with the reason ({@code AssessmentRating}), counting only wins, material and
 * ratings known by then.
 */
public record ValidatedAssessment(long partnerId, int version, Instant acceptedAt, int points, String reason) {
}
