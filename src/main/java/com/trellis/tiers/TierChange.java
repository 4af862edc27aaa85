package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.partners.Tier;

/**
 * One entry of a partner's tier history.
 *
 * @param kind SCORES (held the thresholds), OVERRIDE (an admin set it), OVERRIDE_ENDED
 * (an override expired or was lifted) or MANUAL (changed on the partner's record)
 * @param effectiveOn the day the tier took effect (a weekly evaluation's change takes
 * effect the day after the week evaluated)
 * @param changedBy who changed it: a user's name, or "system"
 */
public record TierChange(long id, long partnerId, String partnerName, Tier from, Tier to, LocalDate effectiveOn,
		String kind, BigDecimal readiness, BigDecimal behaviour, BigDecimal trust, String reason, String changedBy,
		Instant changedAt) {
}
