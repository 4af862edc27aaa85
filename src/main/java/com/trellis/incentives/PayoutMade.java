package com.trellis.incentives;

/**
 * A payout run paid a partner's unpaid earnings: {@code items} earnings, once each.
 * Published inside the transaction that wrote the payout items.
 */
public record PayoutMade(long runId, long partnerId, int items) {
}
