package com.trellis.partners;

import java.time.LocalDate;

/**
 * A partner as another system's export describes it. Name, type, domain and region come
 * from the source on every import; the PAM, tier, lifecycle status and onboarding day
 * only when the partner is created, after which the program owns them.
 */
public record ImportedPartner(String name, PartnerType type, String webDomain, String region, long ownerPamId,
		Tier tier, LifecycleStatus lifecycle, LocalDate onboardedOn) {
}
