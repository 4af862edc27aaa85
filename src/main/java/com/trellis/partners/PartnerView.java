package com.trellis.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner as other modules and the API see it.
 */
public record PartnerView(long id, String name, PartnerType type, String webDomain, List<String> verticals,
		List<String> capabilities, String region, LocalDate onboardedOn, long ownerPamId,
		LifecycleStatus lifecycleStatus, Tier tier, Instant createdAt, Instant updatedAt) {
}
