package com.trellis.tiers;

import java.time.Instant;
import java.time.LocalDate;

import com.trellis.partners.Tier;

/** An admin's override: the tier, why, from when until when, and whether it ended. */
public record TierOverride(long id, long partnerId, String partnerName, Tier tier, String reason, LocalDate startsOn,
		LocalDate expiresOn, String createdBy, Instant createdAt, Instant endedAt, String endedNote) {
}
