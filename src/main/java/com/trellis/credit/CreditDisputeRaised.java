package com.trellis.credit;

/**
 * A deal's partner credit was disputed: until the dispute is decided, what the partner
 * earns on the deal is held.
 */
public record CreditDisputeRaised(long disputeId, long opportunityId, long partnerId) {
}
