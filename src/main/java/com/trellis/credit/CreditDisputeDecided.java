package com.trellis.credit;

/**
 * The partner's PAM (or an admin) decided a credit dispute: upheld (the deal's credit
 * changed) or dismissed. Published inside the deciding transaction.
 */
public record CreditDisputeDecided(long disputeId, long opportunityId, long partnerId, boolean upheld) {
}
