package com.trellis.cohorts;

import java.time.Instant;

/**
 * A partner's membership of a cohort, from {@code validFrom} to {@code validTo} (null
 * while current).
 */
public record Membership(long cohortId, String cohort, String kind, long partnerId, String partner, Instant validFrom,
		Instant validTo, String reason) {
}
