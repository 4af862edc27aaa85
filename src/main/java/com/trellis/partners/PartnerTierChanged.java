package com.trellis.partners;

/**
 * A partner was moved to another tier. Published inside the transaction that changed it.
 */
public record PartnerTierChanged(long partnerId, Tier from, Tier to) {
}
