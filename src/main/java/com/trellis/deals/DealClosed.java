package com.trellis.deals;

/**
 * A deal reached Closed won or Closed lost.
 */
public record DealClosed(long opportunityId, Long partnerId, boolean won) {
}
