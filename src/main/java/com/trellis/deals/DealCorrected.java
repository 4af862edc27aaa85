package com.trellis.deals;

/**
 * A closed deal's amount, currency or credit was corrected on the record; whatever was
 * earned from it is to be reversed and earned anew. {@code correctionId} is unique per
 * correction, so a listener can apply each one once.
 */
public record DealCorrected(long correctionId, long opportunityId, Long partnerId, boolean won) {
}
