package com.trellis.deals;

import java.time.Instant;

/**
 * A partner was put on a deal for the first time. {@code byVendor} is true when a member
 * of the vendor's staff did it (the rep, an admin, the PAM), false when a deal
 * registration or a CRM import brought the partner.
 */
public record PartnerAttached(long opportunityId, long accountId, long partnerId, Long attachedBy, Instant at,
		boolean byVendor) {
}
