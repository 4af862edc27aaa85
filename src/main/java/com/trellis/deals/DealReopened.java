package com.trellis.deals;

/**
 * A deal that was closed won moved back to another stage.
 */
public record DealReopened(long opportunityId, Long partnerId) {
}
